package io.iamaudit.publish;


import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A store in a local or mounted folder. */
final class FolderRunStore implements RunStore {
    private final Path root;

    FolderRunStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public List<RunFolder> runs(LocalDate from, LocalDate to) {
        List<RunFolder> runs = new ArrayList<>();
        for (String month : RunPaths.monthPrefixes(from, to)) {
            Path dir = resolve(month);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir, 2)) {
                walk.filter(Files::isDirectory)
                        .map(p -> root.relativize(p).toString().replace('\\', '/') + "/")
                        .forEach(rel -> RunPaths.folderOf(rel, Files.isRegularFile(resolve(rel + RunLayout.MANIFEST)))
                                .filter(f -> f.path().equals(rel))
                                .filter(f -> !f.day().isBefore(from) && !f.day().isAfter(to))
                                .ifPresent(runs::add));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }
        runs.sort(Comparator.comparing(RunFolder::day).thenComparing(RunFolder::runId));
        return runs;
    }

    @Override
    public List<RunFolder> allRuns() {
        Path runsDir = resolve(RunPaths.RUNS);
        if (!Files.isDirectory(runsDir)) {
            return List.of();
        }
        List<RunFolder> runs = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(runsDir, 4)) {
            walk.filter(Files::isDirectory)
                    .map(p -> root.relativize(p).toString().replace('\\', '/') + "/")
                    .forEach(rel -> RunPaths.folderOf(rel, Files.isRegularFile(resolve(rel + RunLayout.MANIFEST)))
                            .filter(f -> f.path().equals(rel))
                            .ifPresent(runs::add));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + runsDir, e);
        }
        runs.sort(Comparator.comparing(RunFolder::day).thenComparing(RunFolder::runId));
        return runs;
    }

    @Override
    public InputStream open(String relative) {
        try {
            return Files.newInputStream(resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + address(relative), e);
        }
    }

    @Override
    public Path fetch(String relative, Path scratch) {
        Path file = resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new IOException("missing file " + file));
        }
        return file;
    }

    @Override
    public boolean exists(String prefix) {
        return Files.exists(resolve(prefix));
    }

    @Override
    public String address(String relative) {
        return resolve(relative).toString();
    }

    private Path resolve(String relative) {
        Path path = root.resolve(relative).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("path escapes the store: " + relative);
        }
        return path;
    }
}

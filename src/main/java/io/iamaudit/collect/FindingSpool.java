package io.iamaudit.collect;

import io.iamaudit.stage.AccessAnalyzerState.AnalyzerFinding;
import io.iamaudit.stage.StageJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The organization's Access Analyzer findings staged per account as the listing reads them: one file of JSON lines
 * per account, so the whole organization's findings are never in memory (about 40,000 at 800 accounts). The
 * listing has one writer; an account's file is read once the listing has ended. Deleted on close.
 */
public final class FindingSpool implements AutoCloseable {

    /**
     * A finding as the listing staged it.
     *
     * @param lastUseFromIam an unused-role finding built from its summary: its last use is the role's RoleLastUsed
     *                       from the account's authorization details, added when the account's findings are read
     */
    public record SpooledFinding(AnalyzerFinding finding, boolean lastUseFromIam) {
    }

    private final Path directory;

    /** Starts empty: what a killed run left in {@code directory} is deleted, so a restart never reads it twice. */
    public FindingSpool(Path directory) {
        this.directory = directory;
        close();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the findings spool " + directory, e);
        }
    }

    public void append(String accountId, List<SpooledFinding> findings) {
        StringBuilder lines = new StringBuilder();
        findings.forEach(f -> lines.append(StageJson.write(f)).append('\n'));
        try {
            Files.writeString(file(accountId), lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the findings spool of account " + accountId, e);
        }
    }

    /** The account's findings in the order they were appended; none when the listing found none. */
    public List<SpooledFinding> read(String accountId) {
        Path file = file(accountId);
        if (!Files.exists(file)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank()).map(l -> StageJson.read(l, SpooledFinding.class)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the findings spool of account " + accountId, e);
        }
    }

    private Path file(String accountId) {
        if (!accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("not an account id: " + accountId);
        }
        return directory.resolve(accountId + ".jsonl");
    }

    @Override
    public void close() {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the findings spool " + directory, e);
        }
    }
}

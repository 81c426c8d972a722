package io.iamaudit.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Publishes to a local or mounted folder. A run is written into a hidden temp folder beside its target and moved
 * into place with one atomic rename; {@code latest.json} is written to a temp file, forced to disk and renamed over
 * the old one. Readers therefore see a run completely or not at all.
 */
public final class FolderPublisher implements Publisher {
    private final Path root;

    public FolderPublisher(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public RunUpload startRun(String runPath) {
        Path target = root.resolve(runPath).normalize();
        if (!target.startsWith(root)) {
            throw new IllegalArgumentException("run path escapes the output folder: " + runPath);
        }
        if (Files.exists(target)) {
            throw new IllegalStateException("run already published, refusing to overwrite: " + target);
        }
        try {
            Files.createDirectories(target.getParent());
            Path staging = Files.createDirectory(target.resolveSibling(
                    "." + target.getFileName() + ".partial-" + UUID.randomUUID()));
            return new FolderUpload(staging, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + target, e);
        }
    }

    @Override
    public void replaceLatest(byte[] json) {
        replacePointer(RunLayout.LATEST, json);
    }

    @Override
    public void replacePointer(String name, byte[] json) {
        Path latest = root.resolve(RunLayout.checkPointer(name));
        Path temp = root.resolve("." + name + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(root);
            writeDurably(temp, json);
            Files.move(temp, latest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot replace " + latest, e);
        }
    }

    @Override
    public Optional<byte[]> readLatest() {
        return readPointer(RunLayout.LATEST);
    }

    @Override
    public Optional<byte[]> readPointer(String name) {
        Path latest = root.resolve(RunLayout.checkPointer(name));
        try {
            return Files.exists(latest) ? Optional.of(Files.readAllBytes(latest)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + latest, e);
        }
    }

    @Override
    public String address(String relative) {
        return root.resolve(relative).toString();
    }

    private static void writeDurably(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static void deleteQuietly(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Best effort: a leftover hidden temp folder is harmless and named as partial.
        }
    }

    /**
     * A run being written into its hidden temp folder. A report file is hard-linked from the local report folder
     * when both are on one file system (the report folder is deleted after publishing, so the published name keeps
     * the bytes): a large organization's run is some 190,000 files and gigabytes, which copying took most of the
     * publish step for. Elsewhere, or where links are not supported, the file is copied.
     */
    private static final class FolderUpload implements RunUpload {
        private final Path staging;
        private final Path target;
        private final java.util.Set<Path> folders = new java.util.HashSet<>();
        private boolean linking = true;

        FolderUpload(Path staging, Path target) {
            this.staging = staging;
            this.target = target;
        }

        @Override
        public void put(String name, Path file, String sha256Hex) {
            Path destination = destination(name);
            try {
                if (linking) {
                    try {
                        Files.createLink(destination, file);
                        return;
                    } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
                        if (e instanceof java.nio.file.FileAlreadyExistsException) {
                            throw (java.nio.file.FileAlreadyExistsException) e;
                        }
                        linking = false; // another file system, or none that links: copy from now on
                    }
                }
                Files.copy(file, destination);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy " + file + " to " + destination, e);
            }
        }

        @Override
        public void put(String name, byte[] content) {
            Path destination = destination(name);
            try {
                writeDurably(destination, content);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + destination, e);
            }
        }

        @Override
        public void commit() {
            try {
                if (Files.exists(target)) {
                    throw new IllegalStateException("run appeared while publishing, refusing to overwrite: " + target);
                }
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot move " + staging + " to " + target, e);
            }
        }

        @Override
        public void abort() {
            deleteQuietly(staging);
        }

        private Path destination(String name) {
            Path destination = staging.resolve(RunLayout.checkRelative(name)).normalize();
            Path folder = destination.getParent();
            if (folders.add(folder)) {
                try {
                    Files.createDirectories(folder);
                } catch (IOException e) {
                    folders.remove(folder);
                    throw new UncheckedIOException("cannot create " + folder, e);
                }
            }
            return destination;
        }
    }
}

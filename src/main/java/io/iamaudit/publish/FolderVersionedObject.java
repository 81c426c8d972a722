package io.iamaudit.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;

/**
 * A versioned object in a folder: the tag is the content's SHA-256; a replace takes an exclusive lock on a sibling
 * lock file, compares the current content's tag, writes a temp file (forced to disk) and renames it over the object.
 * The lock is an OS file lock, so it also holds between processes on one host and on NFS v4 mounts.
 */
public final class FolderVersionedObject implements VersionedObject {
    private final Path file;

    public FolderVersionedObject(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    @Override
    public Optional<Version> read() {
        try {
            byte[] content = Files.readAllBytes(file);
            return Optional.of(new Version(content, Sha256.hex(content)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreReadException("cannot read " + file + ": " + StoreErrors.describe(e));
        }
    }

    @Override
    public boolean replace(byte[] content, String expectedTag) {
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel lockFile = FileChannel.open(file.resolveSibling("." + file.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                String current = read().map(Version::tag).orElse(null);
                if (!java.util.Objects.equals(current, expectedTag)) {
                    return false;
                }
                Files.write(temp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        StandardOpenOption.SYNC);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + file, e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a leftover hidden temp file is harmless
            }
        }
    }

    @Override
    public String address() {
        return file.toString();
    }
}

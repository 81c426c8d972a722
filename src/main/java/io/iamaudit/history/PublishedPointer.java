package io.iamaudit.history;

import io.iamaudit.publish.LatestPointer;
import io.iamaudit.publish.PublishJson;
import io.iamaudit.publish.RunLayout;
import io.iamaudit.publish.StoreErrors;
import io.iamaudit.publish.StoreReadException;
import io.iamaudit.publish.RunStore;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Checks {@code latest.json} and the manifest it points at before a run does any work. Absent is fine (a first
 * run); present but unreadable (truncated, no permission, no bucket) stops the run with one line, instead of being
 * taken for "no previous run".
 */
public final class PublishedPointer {
    private PublishedPointer() {
    }

    public static Optional<LatestPointer> requireReadable(RunStore store) {
        if (!exists(store, RunLayout.LATEST)) {
            return Optional.empty();
        }
        LatestPointer latest = read(store, RunLayout.LATEST, LatestPointer.class);
        if (latest.manifest() == null || !exists(store, latest.manifest())) {
            throw new StoreReadException("cannot read " + store.address(RunLayout.LATEST) + ": it points at run "
                    + latest.runId() + ", whose manifest " + latest.manifest() + " does not exist");
        }
        read(store, latest.manifest(), io.iamaudit.publish.Manifest.class);
        return Optional.of(latest);
    }

    private static boolean exists(RunStore store, String relative) {
        try {
            return store.exists(relative);
        } catch (RuntimeException e) {
            throw new StoreReadException("cannot read " + store.address(relative) + ": " + StoreErrors.describe(e));
        }
    }

    private static <T> T read(RunStore store, String relative, Class<T> type) {
        try (InputStream in = store.open(relative)) {
            T value = PublishJson.read(in.readAllBytes(), type);
            if (value == null) {
                throw new IOException("empty");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            throw new StoreReadException("cannot read " + store.address(relative) + ": " + StoreErrors.describe(e)
                    + " (repair or delete it to go on)");
        }
    }
}

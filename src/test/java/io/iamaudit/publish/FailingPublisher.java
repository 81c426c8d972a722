package io.iamaudit.publish;

import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Wraps a publisher and fails the n-th file put of a run, as a full disk or a dropped connection would. */
final class FailingPublisher implements Publisher {
    private final Publisher delegate;
    private final int failingPut;

    FailingPublisher(Publisher delegate, int failingPut) {
        this.delegate = delegate;
        this.failingPut = failingPut;
    }

    @Override
    public RunUpload startRun(String runPath) {
        RunUpload upload = delegate.startRun(runPath);
        return new RunUpload() {
            private int puts;

            @Override
            public void put(String name, Path file, String sha256Hex) {
                failIfDue(name);
                upload.put(name, file, sha256Hex);
            }

            @Override
            public void put(String name, byte[] content) {
                failIfDue(name);
                upload.put(name, content);
            }

            @Override
            public void commit() {
                upload.commit();
            }

            @Override
            public void abort() {
                upload.abort();
            }

            private void failIfDue(String name) {
                if (++puts == failingPut) {
                    throw new UncheckedIOException("injected failure on " + name, new java.io.IOException("boom"));
                }
            }
        };
    }

    @Override
    public void replaceLatest(byte[] json) {
        delegate.replaceLatest(json);
    }

    @Override
    public void replacePointer(String name, byte[] json) {
        delegate.replacePointer(name, json);
    }

    @Override
    public java.util.Optional<byte[]> readPointer(String name) {
        return delegate.readPointer(name);
    }

    @Override
    public java.util.Optional<byte[]> readLatest() {
        return delegate.readLatest();
    }

    @Override
    public String address(String relative) {
        return delegate.address(relative);
    }
}

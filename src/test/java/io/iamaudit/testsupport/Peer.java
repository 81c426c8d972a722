package io.iamaudit.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An outside tool some tests check the project against. Each knows how to tell whether this machine has it and
 * what to install when it does not; {@link Peers} decides whether a missing one skips or fails.
 */
public enum Peer {
    MOTO_SERVER("moto_server on PATH (python3 with moto[server] 5.2)") {
        @Override
        boolean present() {
            return onPath("moto_server");
        }
    },
    PYTHON_MOTO("python3 with the moto 5.2 package") {
        @Override
        boolean present() {
            return onPath("python3") && succeeds("python3", "-c", "import moto");
        }
    },
    AWS_CLI("the AWS CLI (aws) on PATH") {
        @Override
        boolean present() {
            return onPath("aws");
        }
    },
    LIBREOFFICE("libreoffice on PATH (apt-get install libreoffice-calc)") {
        @Override
        boolean present() {
            return onPath("libreoffice");
        }
    },
    POSTGRES("a PostgreSQL JDBC URL in -D" + PostgresPeer.URL_PROPERTY + " (.ci/run starts one)") {
        @Override
        boolean present() {
            return PostgresPeer.url().isPresent();
        }
    };

    private final String requirement;

    Peer(String requirement) {
        this.requirement = requirement;
    }

    /** What the tests need, in words an operator can act on. */
    public String requirement() {
        return requirement;
    }

    abstract boolean present();

    static boolean onPath(String command) {
        return Optional.ofNullable(System.getenv("PATH")).stream()
                .flatMap(path -> List.of(path.split(File.pathSeparator)).stream())
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, command))
                .anyMatch(file -> Files.isRegularFile(file) && Files.isExecutable(file));
    }

    private static boolean succeeds(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

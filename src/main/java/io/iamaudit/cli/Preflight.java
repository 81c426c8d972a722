package io.iamaudit.cli;

import io.iamaudit.analyze.exceptions.ExceptionsLoader;
import io.iamaudit.publish.OutputLocation;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Checks made before any work starts: what fails here exits with code 2 and one line naming the problem, and
 * nothing has been collected, staged or published.
 */
final class Preflight {

    private Preflight() {
    }

    static void check(Map<String, String> props, boolean sandbox) {
        String output = props.get("iam-audit.output");
        if (output != null) {
            checkOutput(output);
        }
        String exceptions = props.get("iam-audit.exceptions-file");
        if (exceptions != null) {
            try {
                ExceptionsLoader.load(Path.of(exceptions));
            } catch (RuntimeException e) {
                throw new UsageException("--exceptions: " + firstLine(e.getMessage()));
            }
        }
        if (!sandbox) {
            requireCredentials();
        }
    }

    static void checkOutput(String value) {
        OutputLocation location;
        try {
            location = OutputLocation.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--output: " + firstLine(e.getMessage()));
        }
        if (location instanceof OutputLocation.Folder folder) {
            requireWritable(folder.directory(), value);
        }
    }

    private static void requireWritable(Path directory, String value) {
        try {
            Files.createDirectories(directory);
            Path probe = Files.createTempFile(directory, ".iam-audit-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new UsageException("--output: folder '" + value + "' is not writable");
        }
    }

    private static void requireCredentials() {
        try (DefaultCredentialsProvider provider = DefaultCredentialsProvider.builder().build()) {
            provider.resolveCredentials();
        } catch (SdkClientException e) {
            throw new UsageException("no AWS credentials found (default credential chain: environment, profile, "
                    + "SSO, container or instance role); use --sandbox to try the tool without AWS");
        }
    }

    private static String firstLine(String message) {
        return message == null ? "invalid" : message.lines().findFirst().orElse(message);
    }
}

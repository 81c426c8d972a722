package io.iamaudit.cli;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.util.Map;

/** Checks made before any work starts: what fails here exits with code 2 and one line naming the problem. */
final class Preflight {

    private Preflight() {
    }

    static void check(Map<String, String> props, boolean sandbox) {
        if (!sandbox) {
            requireCredentials();
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
}

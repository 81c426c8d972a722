package io.iamaudit.testsupport;

import io.iamaudit.sandbox.SandboxServer;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.nio.file.Path;

/**
 * Points an in-process audit (a Spring test context) at a sandbox: its own in-memory staging database, a work folder
 * for the staging home and the published output, and the sandbox's endpoint and management credentials.
 */
public final class SandboxRunProperties {

    private SandboxRunProperties() {
    }

    public static void register(DynamicPropertyRegistry registry, String database, Path work, SandboxServer sandbox) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
        registry.add("iam-audit.home", () -> work.resolve("home").toString());
        registry.add("iam-audit.output", () -> "file:" + work.resolve("out"));
        registry.add("iam-audit.aws.endpoint", () -> sandbox.endpoint().toString());
        registry.add("iam-audit.aws.access-key-id", () -> sandbox.managementCredentials().accessKeyId());
        registry.add("iam-audit.aws.secret-access-key", () -> sandbox.managementCredentials().secretAccessKey());
    }
}

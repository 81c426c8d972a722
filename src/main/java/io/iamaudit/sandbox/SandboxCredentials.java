package io.iamaudit.sandbox;

/** A static, obviously fake key pair (the sandbox never verifies signatures, it only reads the key id). */
public record SandboxCredentials(String accessKeyId, String secretAccessKey) {

    /** The management account's base credentials: any key the sandbox did not issue counts as these. */
    public static final SandboxCredentials MANAGEMENT =
            new SandboxCredentials("AKIASANDBOXMANAGEMENT", "sandbox/management/not-a-real-secret-key");
}

package io.iamaudit.stage;

import java.time.Instant;

/** An IAM server certificate (ListServerCertificates). */
public record ServerCertificate(String name, String arn, Instant uploadDate, Instant expiration) {
}

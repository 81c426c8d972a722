package io.iamaudit.stage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * The data sets of an {@link AccountSnapshot} that the report's per-account tables show (credentials, principals,
 * Access Analyzer findings), read from the same staged JSON. It leaves out the last-accessed details, about nine
 * tenths of a staged snapshot (bench, 100 principals per account: 780 of 880 KB), which the parser then skips
 * instead of building objects for them: reading whole snapshots was half of the report step's CPU. They are now
 * staged in a column of their own ({@link JdbcStagingRepository}), so the report's query does not even read them;
 * the name stays listed for snapshots staged before that.
 *
 * <p>The left-out data sets are named rather than left unknown: Jackson buffers an unknown property of a record (it
 * builds records through their constructor) as a token copy, which costs about as much as reading it, and skips a
 * named one. {@code ReportSnapshotTest} keeps the list in step with {@link AccountSnapshot}.
 */
@JsonIgnoreProperties({"passwordPolicy", "summary", "identityProviders", "virtualMfaDevices", "serverCertificates",
        "lastAccessed", "organizationFeatures"})
public record ReportSnapshot(AccountRef account, Instant collectedAt,
                             Collected<CredentialReport> credentialReport,
                             Collected<AuthorizationDetails> authorization,
                             Collected<AccessAnalyzerState> accessAnalyzer,
                             Collected<SecretsInventory> secrets) {

    public ReportSnapshot(AccountRef account, Instant collectedAt, Collected<CredentialReport> credentialReport,
                          Collected<AuthorizationDetails> authorization, Collected<AccessAnalyzerState> accessAnalyzer) {
        this(account, collectedAt, credentialReport, authorization, accessAnalyzer, null);
    }

    public static ReportSnapshot of(AccountSnapshot snapshot) {
        return new ReportSnapshot(snapshot.account(), snapshot.collectedAt(), snapshot.credentialReport(),
                snapshot.authorization(), snapshot.accessAnalyzer(), snapshot.secrets());
    }

    /** The secrets, staged in a table of their own ({@code stg_secret_region}), attached after the payload is read. */
    public ReportSnapshot withSecrets(Collected<SecretsInventory> data) {
        return new ReportSnapshot(account, collectedAt, credentialReport, authorization, accessAnalyzer, data);
    }
}

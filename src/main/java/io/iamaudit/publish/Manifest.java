package io.iamaudit.publish;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.iamaudit.report.CoverageSummary;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}: what a run published, written last, so its presence means the run folder is complete.
 *
 * @param parameters  the run's options, with anything named like a secret left out
 * @param preliminary {@code true} for a quarterly report built before its quarter ended; absent (null) otherwise,
 *                    so nightly manifests are unchanged
 */
public record Manifest(String schema, String runId, String kind, String organizationId, String managementAccountId,
                       String collectedBy, Instant startedAt, Instant generatedAt, Instant publishedAt,
                       String toolVersion, String ruleCatalogVersion, Map<String, String> parameters,
                       CoverageSummary coverage, List<ManifestFile> files,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Boolean preliminary) {
    public static final String SCHEMA = "iam-audit/manifest/v1";

    public Manifest {
        parameters = Map.copyOf(parameters);
        files = List.copyOf(files);
    }

    /** A manifest that says nothing about being preliminary: every run's. */
    public Manifest(String schema, String runId, String kind, String organizationId, String managementAccountId,
                    String collectedBy, Instant startedAt, Instant generatedAt, Instant publishedAt,
                    String toolVersion, String ruleCatalogVersion, Map<String, String> parameters,
                    CoverageSummary coverage, List<ManifestFile> files) {
        this(schema, runId, kind, organizationId, managementAccountId, collectedBy, startedAt, generatedAt,
                publishedAt, toolVersion, ruleCatalogVersion, parameters, coverage, files, null);
    }
}

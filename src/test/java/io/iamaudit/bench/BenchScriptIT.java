package io.iamaudit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/bench --tiny} end to end on the packaged jar (failsafe, after package): a sandbox JVM, an org-audit
 * JVM, the table with its ratios and the JSON result.
 */
class BenchScriptIT {

    @TempDir
    Path out;

    @Test
    void tinyBenchPrintsTheTableAndWritesTheJson() throws Exception {
        Path log = out.resolve("bench.log");
        Process bench = new ProcessBuilder("scripts/bench", "--tiny", "--out", out.resolve("bench").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = bench.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            bench.destroyForcibly();
        }
        String printed = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(done).as(printed).isTrue();
        assertThat(bench.exitValue()).as(printed).isZero();

        assertThat(printed).contains("wall / lower bound", "calls / minimum", "throttling share", "peak heap MiB",
                "peak RSS MiB", "peak live heap MiB", "binding constraint", "workbook / bare SXSSF", "csv rows/s", "targets:");
        JsonNode result = new ObjectMapper().readTree(out.resolve("bench/result.json").toFile());
        JsonNode size = result.get("sizes").get(0);
        assertThat(size.get("accounts").asInt()).isEqualTo(3);
        assertThat(size.get("auditedAccounts").asInt()).isEqualTo(3);
        assertThat(size.get("wallOverLowerBound").asDouble()).isGreaterThan(0);
        assertThat(size.get("callsOverMinimum").asDouble()).isGreaterThanOrEqualTo(1.0);
        assertThat(size.get("callsMade").asLong()).isGreaterThanOrEqualTo(size.get("callsCountedByAudit").asLong());
        assertThat(size.get("peakHeapMiB").asLong()).isPositive();
        assertThat(size.get("peakLiveHeapHistogramMiB").asDouble()).as("live heap from class histograms").isPositive();
        assertThat(size.get("workbookCpuMillis").asLong()).isPositive();
        assertThat(size.get("lowerBound").get("binding").asText()).isNotBlank();
        assertThat(size.get("operations").get("organizations:ListTagsForResource").get("minimum").asLong())
                .as("no tag filter: no tags to read").isZero();
        assertThat(size.get("peakRssMiB").asDouble()).isPositive();
        assertThat(size.get("auditCpuSeconds").asDouble()).isPositive();
        assertThat(size.get("sandboxCpuSeconds").asDouble()).isPositive();
        assertThat(size.get("cpuMillisPerCall").asDouble()).isPositive();
        assertThat(size.get("workbookVsBareSxssf").asDouble()).isPositive();
        assertThat(size.get("workbookRowsPerSecond").asLong()).isPositive();
        assertThat(size.get("operations").get("iam:GetAccountAuthorizationDetails").get("minimum").asLong())
                .isEqualTo(3);
        assertThat(result.get("targets").has("callsOverMinimum<=1.1")).isTrue();
    }
}

package io.iamaudit.collect;

import io.iamaudit.collect.FindingSpool.SpooledFinding;
import io.iamaudit.stage.AccessAnalyzerState.AnalyzerFinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FindingSpoolTest {

    @TempDir
    Path home;

    @Test
    void keepsEachAccountsFindingsInOrderApartFromOtherAccounts() {
        try (FindingSpool spool = new FindingSpool(home.resolve("spool"))) {
            spool.append("111111111111", List.of(finding("a", "111111111111"), finding("b", "111111111111")));
            spool.append("222222222222", List.of(finding("c", "222222222222")));
            spool.append("111111111111", List.of(finding("d", "111111111111")));

            assertThat(spool.read("111111111111")).extracting(f -> f.finding().id()).containsExactly("a", "b", "d");
            assertThat(spool.read("111111111111").get(0)).isEqualTo(finding("a", "111111111111"));
            assertThat(spool.read("222222222222")).extracting(f -> f.finding().id()).containsExactly("c");
            // an account the listing found nothing for has no findings, not an error
            assertThat(spool.read("333333333333")).isEmpty();
            assertThatThrownBy(() -> spool.read("../etc")).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Files.exists(home.resolve("spool"))).isFalse();
    }

    @Test
    void aRestartDoesNotReadWhatAKilledRunLeft() {
        FindingSpool killed = new FindingSpool(home.resolve("spool"));
        killed.append("111111111111", List.of(finding("a", "111111111111")));
        // the process dies here: no close

        try (FindingSpool restarted = new FindingSpool(home.resolve("spool"))) {
            restarted.append("111111111111", List.of(finding("a", "111111111111")));
            assertThat(restarted.read("111111111111")).hasSize(1);
        }
    }

    private static SpooledFinding finding(String id, String account) {
        return new SpooledFinding(new AnalyzerFinding(id, "arn:aws:access-analyzer:us-east-1:111111111111:analyzer/org",
                "UnusedIAMRole", "arn:aws:iam::" + account + ":role/r-" + id, "AWS::IAM::Role", account, "ACTIVE",
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z"), Map.of(), List.of(),
                null, List.of(), null, null), true);
    }
}

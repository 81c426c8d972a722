package io.iamaudit.bench;

import io.iamaudit.sandbox.SandboxProfile;
import io.iamaudit.sandbox.scenario.AnalyzerSpec;
import io.iamaudit.sandbox.scenario.Scenario;
import io.iamaudit.sandbox.scenario.ScenarioGenerator;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LowerBoundTest {

    private static final SandboxProfile REALISTIC = SandboxProfile.load(Path.of("jobs/profiles/realistic.yaml"));
    private static final SandboxProfile.Bucket FIVE_A_SECOND =
            new SandboxProfile.Bucket(10, 5, SandboxProfile.Scope.SHARED);

    @Test
    void aQuotaPassesItsBurstAtOnceThenRefills() {
        assertThat(LowerBound.quotaSeconds(FIVE_A_SECOND, 59)).isCloseTo(9.8, within(1e-9)); // (59 - 10) / 5
        assertThat(LowerBound.quotaSeconds(FIVE_A_SECOND, 10)).isZero();
        assertThat(LowerBound.quotaSeconds(FIVE_A_SECOND, 3)).isZero();
        assertThat(LowerBound.quotaSeconds((SandboxProfile.Bucket) null, 1_000)).isZero();
    }

    @Test
    void theBoundIsTheLongestOverlappingConstraintPlusReportWriting() {
        // organizations 8.0 s, sts 29.6 s, Access Analyzer 0.13 s + 400 calls, slowest account 22.3 s
        LowerBound.Model model = new LowerBound.Model(Map.of(), 8.0, 29.6, 0.13, 400, FIVE_A_SECOND, 22.3, 788);

        // Access Analyzer: 0.13 + (400 - 10) / 5 = 78.13 s, the longest; + 86.5 s of report writing
        assertThat(model.accessAnalyzerSeconds()).isCloseTo(78.13, within(1e-9));
        assertThat(model.bindingConstraint()).isEqualTo("access-analyzer quota");
        assertThat(model.totalSeconds(86.5)).isCloseTo(164.63, within(1e-9));

        // with 3,200 ValidatePolicy calls of the verify step on the same quota: 0.13 + (3,600 - 10) / 5
        assertThat(model.withVerifyCalls(3_200).accessAnalyzerSeconds()).isCloseTo(718.13, within(1e-9));

        // without findings to list the slowest account binds: 22.3 + 4.9
        LowerBound.Model small = new LowerBound.Model(Map.of(), 8.0, 0.055, 0.13, 2, FIVE_A_SECOND, 22.3, 48);
        assertThat(small.bindingConstraint()).isEqualTo("slowest account");
        assertThat(small.totalSeconds(4.9)).isCloseTo(27.2, within(1e-9));
    }

    @Test
    void aSmallOrganizationIsBoundByTheCredentialReportDelay() {
        // given 3 accounts of 5 principals: far below every quota
        Scenario scenario = new ScenarioGenerator(42).generate(3, 5, 2);

        // when
        LowerBound.Model model = LowerBound.compute(scenario, REALISTIC, false);

        // then, by hand from jobs/profiles/realistic.yaml: 11 Organizations calls (DescribeOrganization,
        // ListRoots, ListDelegatedAdministrators, and both listings under the root and 3 OUs), one beyond the burst
        // of 10: (11 - 10) / 5 + 35 ms, longer than the 4 x 35 ms of listing level by level
        assertThat(model.minimumCalls().entrySet().stream().filter(e -> e.getKey().startsWith("organizations:"))
                .mapToLong(Map.Entry::getValue).sum()).isEqualTo(11);
        assertThat(model.organizationsSeconds()).isCloseTo(0.235, within(1e-9));
        // sts: 3 AssumeRole calls fit the burst of 50, one 55 ms call
        assertThat(model.stsSeconds()).isCloseTo(0.055, within(1e-9));
        // a member account: 3 Organizations calls to be listed (105 ms), AssumeRole (55 ms), then the credential
        // report: Generate (35 ms) + 3 s + Get (85 ms)
        assertThat(model.accountSeconds()).isCloseTo(0.105 + 0.055 + 0.035 + 3 + 0.085, within(1e-9));
        assertThat(model.bindingConstraint()).isEqualTo("slowest account");
    }

    @Test
    void findingsAreListedOrganizationWideAndTagsOnlyForATagFilter() {
        // given 12 accounts of 100 principals: about four in five roles carry an unused-access finding
        Scenario scenario = new ScenarioGenerator(42).generate(12, 100, 10);

        // when
        LowerBound.Model plain = LowerBound.compute(scenario, REALISTIC, false);
        LowerBound.Model tagged = LowerBound.compute(scenario, REALISTIC, true);

        // then: one listing per organization analyzer, 100 findings a page, however many accounts they span
        long expected = 0;
        for (AnalyzerSpec analyzer : scenario.analyzers()) {
            if (analyzer.type().startsWith("ORGANIZATION")
                    && (analyzer.status() == null || "ACTIVE".equals(analyzer.status()))) {
                long open = scenario.findings().stream().filter(f -> analyzer.name().equals(f.analyzer()))
                        .filter(f -> f.status() == null || "ACTIVE".equals(f.status())).count();
                expected += Math.max(1, (open + 99) / 100);
            }
        }
        assertThat(plain.minimumCalls().get("access-analyzer:ListFindingsV2")).isEqualTo(expected)
                .isLessThan(plain.activeAccounts());
        assertThat(plain.minimumCalls().get("organizations:ListTagsForResource")).isZero();
        assertThat(tagged.minimumCalls().get("organizations:ListTagsForResource")).isEqualTo(12);
        assertThat(tagged.totalMinimum() - plain.totalMinimum()).isEqualTo(12);
    }
}

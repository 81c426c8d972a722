package io.iamaudit.analyze;

import io.iamaudit.analyze.run.AccountAnalyzer;
import io.iamaudit.analyze.run.AccountAnalysis;

import io.iamaudit.analyze.exceptions.AuditException;
import io.iamaudit.analyze.exceptions.ExceptionSet;
import io.iamaudit.stage.Finding;
import io.iamaudit.stage.RuleOutcome;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.iamaudit.analyze.SnapshotFixtures.clean;
import static io.iamaudit.analyze.SnapshotFixtures.context;
import static io.iamaudit.analyze.SnapshotFixtures.daysAgo;
import static io.iamaudit.analyze.SnapshotFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

class AccountAnalyzerTest {

    private final AccountAnalyzer analyzer = new AccountAnalyzer();

    private static SnapshotFixtures problems() {
        return clean().withSummary("AccountMFAEnabled", 0)
                .withUser(user("alice").console(daysAgo(1)).key(daysAgo(200), daysAgo(100)).key(daysAgo(150), null));
    }

    @Test
    void oneOutcomePerRuleAndFindingsCarryTheRuleMetadata() {
        AccountAnalysis a = analyzer.analyze(problems().build(), context());
        assertThat(a.outcomes()).hasSize(analyzer.catalog().rules().size());
        assertThat(a.outcomes()).filteredOn(o -> o.ruleId().equals("IAM.ROOT.MFA")).singleElement()
                .satisfies(o -> {
                    assertThat(o.outcome()).isEqualTo(RuleOutcome.Outcome.FAIL);
                    assertThat(o.findings()).isEqualTo(1);
                });
        assertThat(a.outcomes()).filteredOn(o -> o.ruleId().equals("IAM.CERT.EXPIRED")).singleElement()
                .extracting(RuleOutcome::outcome).isEqualTo(RuleOutcome.Outcome.PASS);
        Finding root = a.findings().stream().filter(f -> f.ruleId().equals("IAM.ROOT.MFA")).findFirst().orElseThrow();
        assertThat(root.cis()).isEqualTo("v3.0 1.5; v5.0 1.4; v6.0 2.4");
        assertThat(root.securityHub()).isEqualTo("IAM.9");
        assertThat(root.wellArchitected()).containsExactly("SEC02-BP01");
        assertThat(root.status()).isEqualTo(Finding.Status.FAIL);
        assertThat(root.accountName()).isEqualTo("prod");
        assertThat(root.recommendation()).startsWith("Enable MFA for the root user");
    }

    @Test
    void findingIdsAreStableAcrossRunsAndDistinctWithinOne() {
        List<Finding> first = analyzer.analyze(problems().build(), context()).findings();
        List<Finding> second = analyzer.analyze(problems().build(), AnalysisContext.of("run-2",
                SnapshotFixtures.CLOCK).withManagementAccountId(SnapshotFixtures.ACCOUNT)).findings();
        assertThat(first).extracting(Finding::findingId).containsExactlyElementsOf(
                second.stream().map(Finding::findingId).toList());
        assertThat(first).extracting(Finding::runId).containsOnly("run-1");
        assertThat(first.stream().map(Finding::findingId).distinct()).hasSameSizeAs(first);
        assertThat(first).filteredOn(f -> f.ruleId().equals("IAM.USER.KEY_UNUSED")).hasSize(2);
    }

    @Test
    void missingDataSetsGiveNotEvaluatedOutcomesAndFindingsNeverPass() {
        AccountAnalysis a = analyzer.analyze(problems().missing(DataSet.CREDENTIAL_REPORT, "ReportExpired").build(),
                context());
        assertThat(a.outcomes()).filteredOn(o -> o.ruleId().equals("IAM.USER.CONSOLE_MFA")).singleElement()
                .satisfies(o -> {
                    assertThat(o.outcome()).isEqualTo(RuleOutcome.Outcome.NOT_EVALUATED);
                    assertThat(o.note()).contains("credential_report").contains("ReportExpired");
                });
        assertThat(a.findings()).filteredOn(f -> f.ruleId().equals("IAM.USER.CONSOLE_MFA")).singleElement()
                .extracting(Finding::status).isEqualTo(Finding.Status.NOT_EVALUATED);
        assertThat(a.outcomes()).filteredOn(o -> o.ruleId().equals("IAM.ROOT.MFA")).singleElement()
                .extracting(RuleOutcome::outcome).isEqualTo(RuleOutcome.Outcome.FAIL);
    }

    @Test
    void exceptionsExceptUntilTheyExpire() {
        AuditException active = new AuditException("arn:aws:iam::*:user/alice", "IAM.USER.KEY_ROTATION", null,
                "sec-team", "legacy integration, ticket SEC-1", LocalDate.of(2027, 1, 31));
        AuditException expired = new AuditException("alice", "IAM.USER.CONSOLE_MFA", "111111111111", "bob",
                "migration", LocalDate.of(2026, 11, 1));
        AnalysisContext ctx = context().withExceptions(new ExceptionSet(List.of(active, expired)));
        AccountAnalysis a = analyzer.analyze(problems().build(), ctx);

        Finding rotation = only(a, "IAM.USER.KEY_ROTATION");
        assertThat(rotation.status()).isEqualTo(Finding.Status.EXCEPTED);
        assertThat(rotation.exceptionOwner()).isEqualTo("sec-team");
        assertThat(rotation.exceptionExpiry()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(a.outcomes()).filteredOn(o -> o.ruleId().equals("IAM.USER.KEY_ROTATION")).singleElement()
                .satisfies(o -> {
                    assertThat(o.outcome()).isEqualTo(RuleOutcome.Outcome.PASS);
                    assertThat(o.note()).isEqualTo("2 finding(s) excepted");
                });

        Finding mfa = only(a, "IAM.USER.CONSOLE_MFA");
        assertThat(mfa.status()).isEqualTo(Finding.Status.FAIL);
        assertThat(mfa.exceptionNote()).contains("expired on 2026-11-01").contains("no longer applies");
    }

    @Test
    void aRuleThatThrowsIsARuleErrorForThatRuleAloneNeverAPass() {
        Rule broken = new BaseRule(RuleMetadata.rule("IAM.TEST.BROKEN", "Broken", io.iamaudit.stage.Severity.LOW)
                .wellArchitected("SEC02-BP01").rationale("r").remediation("r").needs(DataSet.AUTHORIZATION).build()) {
            @Override
            protected java.util.List<Violation> check(io.iamaudit.stage.AccountSnapshot s, AnalysisContext c) {
                throw new IllegalStateException("boom");
            }
        };
        Rule healthy = new BaseRule(RuleMetadata.rule("IAM.TEST.HEALTHY", "Healthy", io.iamaudit.stage.Severity.LOW)
                .wellArchitected("SEC02-BP01").rationale("r").remediation("r").needs(DataSet.AUTHORIZATION).build()) {
            @Override
            protected java.util.List<Violation> check(io.iamaudit.stage.AccountSnapshot s, AnalysisContext c) {
                return java.util.List.of();
            }
        };
        AccountAnalyzer analyzer = new AccountAnalyzer(new RuleCatalog(java.util.List.of(broken, healthy)),
                new io.iamaudit.analyze.leastprivilege.LeastPrivilegeEngine());
        AccountAnalysis a = analyzer.analyze(SnapshotFixtures.clean().build(), SnapshotFixtures.context());
        assertThat(a.outcomes()).hasSize(2);
        assertThat(a.outcomes().get(0)).satisfies(o -> {
            assertThat(o.ruleId()).isEqualTo("IAM.TEST.BROKEN");
            assertThat(o.outcome()).isEqualTo(io.iamaudit.stage.RuleOutcome.Outcome.RULE_ERROR);
            assertThat(o.note()).contains("rule error").contains("IllegalStateException: boom");
        });
        assertThat(a.outcomes().get(1).outcome()).isEqualTo(io.iamaudit.stage.RuleOutcome.Outcome.PASS);
        assertThat(a.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("IAM.TEST.BROKEN");
            assertThat(f.status()).isEqualTo(Finding.Status.NOT_EVALUATED);
        });
        assertThat(a.recommendations()).isNotEmpty();
    }

    private static Finding only(AccountAnalysis a, String rule) {
        return a.findings().stream().filter(f -> f.ruleId().equals(rule)).findFirst().orElseThrow();
    }
}

package io.iamaudit.analyze;

import io.iamaudit.analyze.rules.RootMfaRule;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Severity;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

class RuleCatalogTest {

    private final RuleCatalog catalog = io.iamaudit.analyze.rules.Rules.catalog();

    @Test
    void everyRuleHasCompleteMetadataAndAUniqueId() {
        assertThat(catalog.rules()).hasSizeGreaterThanOrEqualTo(40);
        catalog.metadata().forEach(m -> assertThat(m.problems()).as(m.id()).isEmpty());
        assertThat(catalog.rules().stream().map(Rule::id).distinct()).hasSameSizeAs(catalog.rules());
    }

    @Test
    void everyRuleHasATestClassWithAViolatingAndACleanCase() {
        for (Rule rule : catalog.rules()) {
            String testName = rule.getClass().getName() + "Test";
            try {
                Class<?> test = Class.forName(testName);
                long tests = Arrays.stream(test.getDeclaredMethods()).filter(RuleCatalogTest::isTest).count();
                assertThat(tests).as("@Test methods in %s", testName).isGreaterThanOrEqualTo(2);
            } catch (ClassNotFoundException e) {
                fail(rule.id() + " has no test class " + testName);
            }
        }
    }

    @Test
    void aDuplicateIdOrIncompleteMetadataFailsTheCatalog() {
        assertThatThrownBy(() -> new RuleCatalog(List.of(new RootMfaRule(), new RootMfaRule())))
                .hasMessageContaining("IAM.ROOT.MFA: duplicate rule id");
        Rule incomplete = new BaseRule(RuleMetadata.rule("IAM.X.Y", "", Severity.LOW).build()) {
            @Override
            protected List<Violation> check(AccountSnapshot s, AnalysisContext c) {
                return List.of();
            }
        };
        assertThatThrownBy(() -> new RuleCatalog(List.of(incomplete)))
                .hasMessageContaining("title, rationale and remediation are required")
                .hasMessageContaining("needs Well-Architected ids").hasMessageContaining("declares no data sets");
    }

    @Test
    void everyRuleIsNotEvaluatedWhenAnyDataSetItNeedsIsMissing() {
        int checked = 0;
        for (Rule rule : catalog.rules()) {
            for (DataSet set : rule.metadata().dataSets()) {
                AccountSnapshot s = SnapshotFixtures.clean().missing(set, "AccessDenied: no " + set).build();
                RuleResult result = rule.evaluate(s, SnapshotFixtures.context());
                assertThat(result).as("%s without %s", rule.id(), set)
                        .isEqualTo(new RuleResult.NotEvaluated(set, "AccessDenied: no " + set));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(catalog.rules().size());
    }

    @Test
    void theCleanAccountPassesEveryRule() {
        AccountSnapshot clean = SnapshotFixtures.clean().build();
        for (Rule rule : catalog.rules()) {
            assertThat(RuleTesting.violations(rule, clean, SnapshotFixtures.context())).as(rule.id()).isEmpty();
        }
    }

    @Test
    void versionIsStableAndChangesWithTheRules() {
        assertThat(catalog.version()).isEqualTo(io.iamaudit.analyze.rules.Rules.catalog().version())
                .startsWith(catalog.rules().size() + "-rules-");
        RuleCatalog fewer = new RuleCatalog(catalog.rules().subList(1, catalog.rules().size()));
        assertThat(fewer.version()).isNotEqualTo(catalog.version());
    }

    @Test
    void formatsAsTableCsvAndMarkdown() {
        String csv = RuleCatalogFormatter.format(catalog, RuleCatalogFormatter.Format.parse("csv"));
        assertThat(csv.lines()).hasSize(catalog.rules().size() + 1).first().asString().startsWith("id,severity");
        assertThat(csv).contains("IAM.ROOT.MFA,CRITICAL,Root user has MFA enabled,SEC02-BP01,v3.0 1.5; v5.0 1.4; v6.0 2.4,IAM.9");
        String md = RuleCatalogFormatter.format(catalog, RuleCatalogFormatter.Format.MARKDOWN);
        assertThat(md.lines().skip(2)).allMatch(l -> l.startsWith("| IAM."));
        String table = RuleCatalogFormatter.format(catalog, RuleCatalogFormatter.Format.TABLE);
        int severityColumn = table.lines().findFirst().orElseThrow().indexOf("severity");
        assertThat(table.lines().skip(1)).hasSize(catalog.rules().size())
                .allSatisfy(l -> assertThat(Severity.valueOf(l.substring(severityColumn).split(" ")[0])).isNotNull());
        assertThatThrownBy(() -> RuleCatalogFormatter.Format.parse("xml")).hasMessageContaining("table, csv, markdown");
    }

    private static boolean isTest(Method m) {
        return m.isAnnotationPresent(Test.class);
    }
}

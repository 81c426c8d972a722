package io.iamaudit.report;

import io.iamaudit.stage.Finding;
import io.iamaudit.stage.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Findings table's labels: failure titles, one type vocabulary, framework mappings from rule-display.yaml. */
class FindingColumnsTest {

    private static Finding finding(String ruleId, String type, Finding.Status status) {
        return new Finding("f-1", "run", "111111111111", "acme", "Root", type, "x", "arn:aws:iam::111111111111:root",
                ruleId, "Root user not used recently", Severity.HIGH, status, List.of("SEC02-BP01"), null, null,
                "evidence", "fix", null, null, null, null);
    }

    private static Object value(String key, Finding f) {
        return FindingColumns.extractors().get(key).apply(f);
    }

    @Test
    void aFailedFindingSaysWhatIsWrongAndOneNotEvaluatedNamesTheControl() {
        assertThat(value("title", finding("IAM.ROOT.RECENT_USE", "RootUser", Finding.Status.FAIL)))
                .isEqualTo("Root user used recently");
        assertThat(value("title", finding("IAM.ROOT.RECENT_USE", "RootUser", Finding.Status.EXCEPTED)))
                .isEqualTo("Root user used recently");
        assertThat(value("title", finding("IAM.ROOT.RECENT_USE", "RootUser", Finding.Status.NOT_EVALUATED)))
                .isEqualTo("Root user not used for daily work");
        assertThat(value("title", finding("IAM.NOT.IN_THE_FILE", "RootUser", Finding.Status.FAIL)))
                .as("a rule without an entry keeps its own title").isEqualTo("Root user not used recently");
    }

    @Test
    void frameworkMappingsComeFromTheRuleAndTypesFromOneVocabulary() {
        Finding f = finding("IAM.ROOT.RECENT_USE", "IAM.Role", Finding.Status.FAIL);
        assertThat(value("soc2", f)).isEqualTo("CC6.1; CC6.3");
        assertThat(value("iso27001", f)).isEqualTo("A.8.2");
        assertThat(value("nist_800_53", f)).isEqualTo("AC-6(2)");
        assertThat(value("principal_type", f)).isEqualTo("Role");
        assertThat(value("soc2", finding("IAM.NOT.IN_THE_FILE", "Role", Finding.Status.FAIL))).isNull();
    }
}

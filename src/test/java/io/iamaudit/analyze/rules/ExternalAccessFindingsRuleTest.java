package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.SnapshotFixtures;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.*;
import io.iamaudit.stage.AccessAnalyzerState.Analyzer;
import io.iamaudit.stage.AccessAnalyzerState.AnalyzerFinding;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class ExternalAccessFindingsRuleTest {
    static AnalyzerFinding external(String id, String status) {
        return new AnalyzerFinding(id, "arn", "ExternalAccess", "arn:aws:s3:::shared-bucket", "AWS::S3::Bucket", ACCOUNT,
                status, NOW, NOW, Map.of("AWS", "222222222222"), List.of("s3:GetObject"), false, null, null, null);
    }

    @Test
    void activeExternalAccessFails() {
        assertThat(violations(new ExternalAccessFindingsRule(), clean().withFinding(external("f-1", "ACTIVE"))))
                .singleElement().satisfies(x -> {
                    assertThat(x.principalType()).isEqualTo("S3.Bucket");
                    assertThat(x.evidence()).contains("222222222222").contains("f-1");
                });
    }

    @Test
    void archivedFindingsPass() {
        assertThat(violations(new ExternalAccessFindingsRule(), clean().withFinding(external("f-1", "ARCHIVED"))))
                .isEmpty();
    }
}

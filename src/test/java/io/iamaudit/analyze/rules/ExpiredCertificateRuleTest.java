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

class ExpiredCertificateRuleTest {
    @Test
    void expiredCertificateFails() {
        var f = clean().withCertificate(new ServerCertificate("old", "arn:cert/old", daysAgo(800), daysAgo(1)));
        assertThat(violations(new ExpiredCertificateRule(), f)).singleElement()
                .satisfies(x -> assertThat(x.principalName()).isEqualTo("old"));
    }

    @Test
    void validCertificatePasses() {
        var f = clean().withCertificate(new ServerCertificate("ok", "arn:cert/ok", daysAgo(10), NOW.plusSeconds(86400)));
        assertThat(violations(new ExpiredCertificateRule(), f)).isEmpty();
    }
}

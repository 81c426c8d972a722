package io.iamaudit.report;

import io.iamaudit.stage.Finding;
import io.iamaudit.stage.LeastPrivilegeRecommendation;
import io.iamaudit.stage.RuleOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12 item 11: a rule that threw on an account is counted on that account's Coverage row, and only there. */
class CoverageRuleErrorsTest {

    @Test
    void ruleErrorsAreCountedPerAccountInCoverage(@TempDir Path folder) throws Exception {
        // given: the sample run, where two rules threw on the production account
        InMemoryStagingRepository repo = SampleRun.repository();
        String account = SampleRun.PROD;
        List<Finding> findings;
        List<RuleOutcome> outcomes;
        List<LeastPrivilegeRecommendation> recommendations;
        try (Stream<Finding> f = repo.findings(SampleRun.RUN_ID);
             Stream<RuleOutcome> o = repo.outcomes(SampleRun.RUN_ID);
             Stream<LeastPrivilegeRecommendation> r = repo.recommendations(SampleRun.RUN_ID)) {
            findings = f.filter(x -> x.accountId().equals(account)).toList();
            outcomes = new ArrayList<>(o.filter(x -> x.accountId().equals(account)).toList());
            recommendations = r.filter(x -> x.accountId().equals(account)).toList();
        }
        outcomes.add(new RuleOutcome(SampleRun.RUN_ID, account, "IAM.ROOT.MFA", RuleOutcome.Outcome.RULE_ERROR, 0,
                "NullPointerException: boom"));
        outcomes.add(new RuleOutcome(SampleRun.RUN_ID, account, "IAM.ROOT.HARDWARE_MFA",
                RuleOutcome.Outcome.RULE_ERROR, 0, "IllegalStateException: boom"));
        repo.replaceAnalysis(SampleRun.RUN_ID, account, findings, outcomes, recommendations);

        // when
        ReportFixtures.generate(repo, folder);

        // then
        Map<String, String> ruleErrors = new HashMap<>();
        try (Reader in = Files.newBufferedReader(folder.resolve("csv/coverage.csv"));
             CsvDialect.In csv = CsvDialect.reader(in)) {
            List<String> header = List.of(csv.read());
            int id = header.indexOf("Account id");
            int errors = header.indexOf("Rule errors");
            assertThat(errors).as("a Rule errors column").isNotNegative();
            for (String[] row = csv.read(); row != null; row = csv.read()) {
                ruleErrors.put(row[id], row[errors]);
            }
        }
        assertThat(ruleErrors).containsEntry(account, "2").containsEntry(SampleRun.MGMT, "0");
    }
}

package io.iamaudit.stage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The verify step's results are staged per account and replaced, never duplicated, by a rerun. */
class VerificationStagingTest {

    JdbcStagingRepository repository;
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:verification-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        repository = new JdbcStagingRepository(dataSource);
        StagingSchema.migrate(dataSource);
        StagingSchema.migrate(dataSource);
        jdbc = new JdbcTemplate(dataSource);
    }

    static ProposalCheck check(String policy, ProposalCheck.Outcome validation) {
        return new ProposalCheck("111111111111", "rec-1", policy, "MANAGED", "hash-" + policy, validation,
                List.of(new ProposalCheck.PolicyIssue("SECURITY_WARNING", "PASS_ROLE_WITH_STAR_IN_RESOURCE", "d")),
                ProposalCheck.Outcome.NOT_RUN, "off", null);
    }

    static AwsRecommendation recommendation(String finding) {
        return new AwsRecommendation("111111111111", finding, "arn:aa", "arn:aws:iam::111111111111:role/app",
                "SUCCEEDED", null, List.of(new AwsRecommendation.Step("CREATE_POLICY", "arn:p", "{}")), "AGREES",
                List.of(), List.of(), null);
    }

    @Test
    void aRerunReplacesTheAccountsRowsAndLeavesOtherAccountsAlone() {
        repository.replaceVerification("run", "111111111111", List.of(check("a", ProposalCheck.Outcome.PASS),
                check("b", ProposalCheck.Outcome.FAIL)), List.of(recommendation("f1")));
        repository.replaceVerification("run", "222222222222", List.of(check("c", ProposalCheck.Outcome.PASS)),
                List.of());

        repository.replaceVerification("run", "111111111111", List.of(check("a", ProposalCheck.Outcome.FAIL),
                check("a", ProposalCheck.Outcome.FAIL)), List.of(recommendation("f1"), recommendation("f1")));

        assertThat(repository.proposalChecks("run", "111111111111")).singleElement().satisfies(c -> {
            assertThat(c.validation()).isEqualTo(ProposalCheck.Outcome.FAIL);
            assertThat(c.issues()).extracting(ProposalCheck.PolicyIssue::issueCode)
                    .containsExactly("PASS_ROLE_WITH_STAR_IN_RESOURCE");
        });
        assertThat(repository.awsRecommendations("run", "111111111111")).singleElement()
                .satisfies(r -> assertThat(r.steps()).hasSize(1));
        assertThat(repository.proposalChecks("run", "222222222222")).hasSize(1);
        assertThat(repository.proposalChecks("other-run", "111111111111")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_proposal_check", Integer.class)).isEqualTo(2);
    }
}

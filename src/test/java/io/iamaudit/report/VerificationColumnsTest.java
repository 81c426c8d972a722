package io.iamaudit.report;

import io.iamaudit.stage.AwsRecommendation;
import io.iamaudit.stage.LeastPrivilegeRecommendation;
import io.iamaudit.stage.LeastPrivilegeRecommendation.PolicyProposal;
import io.iamaudit.stage.ProposalCheck;
import io.iamaudit.stage.ProposalCheck.Outcome;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VerificationColumnsTest {

    static PolicyProposal proposal(String name, String document) {
        return new PolicyProposal(name, null, "INLINE", "{}", document, List.of(), List.of(), true);
    }

    static ProposalCheck check(String name, Outcome validation, Outcome noNewAccess, String notVerified) {
        return new ProposalCheck("111111111111", "r1", name, "INLINE", "h", validation,
                validation == Outcome.FAIL ? List.of(new ProposalCheck.PolicyIssue("ERROR", "INVALID_ACTION",
                        "The action s3:GetObjectt does not exist.")) : List.of(), noNewAccess,
                noNewAccess == Outcome.FAIL ? "grants ec2:*" : null, notVerified);
    }

    static VerifiedRecommendation row(ProposalCheck... checks) {
        LeastPrivilegeRecommendation r = new LeastPrivilegeRecommendation("r1", "run", "111111111111", "Role", "app",
                "arn:aws:iam::111111111111:role/app", LeastPrivilegeRecommendation.Verdict.NARROW, "", List.of(),
                List.of(), List.of(), 0, 0, List.of(), null, 0,
                List.of(proposal("good", "{\"good\":1}"), proposal("typo", "{\"typo\":1}"),
                        proposal("wider", "{\"wider\":1}"), proposal("unverified", "{\"unverified\":1}")),
                List.of());
        return new VerifiedRecommendation(r, Arrays.asList(checks), List.of(new AwsRecommendation("111111111111",
                "f1", "arn:aa", r.principalArn(), "SUCCEEDED", null,
                List.of(new AwsRecommendation.Step("DETACH_POLICY", "typo", null)), "AWS_NARROWER",
                List.of("s3:GetObject"), List.of(), "ours keeps more because: rail")));
    }

    @Test
    void withheldProposalsAreLeftOutOfOursAndNamedInTheChecksColumn() {
        VerifiedRecommendation row = row(check("good", Outcome.PASS, Outcome.PASS, null),
                check("typo", Outcome.FAIL, Outcome.NOT_RUN, null),
                check("wider", Outcome.PASS, Outcome.FAIL, null),
                check("unverified", Outcome.NOT_VERIFIED, Outcome.NOT_RUN, "ValidatePolicy: ThrottlingException"));

        assertThat(row.shown().proposals()).extracting(PolicyProposal::policyName)
                .as("an unverified proposal is still offered; a rejected one is not")
                .containsExactly("good", "unverified");
        var columns = VerificationColumns.extractors();
        assertThat((String) columns.get("proposed_policies").apply(row)).contains("good").contains("unverified")
                .doesNotContain("typo").doesNotContain("wider");
        String checks = (String) columns.get("access_analyzer_checks").apply(row);
        assertThat(checks).contains("good: ValidatePolicy PASS; CheckNoNewAccess PASS")
                .contains("typo: WITHHELD; ValidatePolicy FAIL; ERROR INVALID_ACTION")
                .contains("wider: WITHHELD; ValidatePolicy PASS; CheckNoNewAccess FAIL: grants ec2:*")
                .contains("unverified: NOT VERIFIED (ValidatePolicy: ThrottlingException)");
        assertThat(columns.get("aws_recommended_policy").apply(row)).isEqualTo("DETACH_POLICY typo");
        assertThat(columns.get("aws_comparison").apply(row)).isEqualTo("AWS_NARROWER");
        assertThat((String) columns.get("aws_comparison_detail").apply(row))
                .contains("ours keeps, AWS's drops (1): s3:GetObject").contains("rail");
    }

    @Test
    void uncheckedProposalsAreShownAndSaySo() {
        VerifiedRecommendation row = row(null, null, null, null);
        assertThat(row.shown().proposals()).hasSize(4);
        assertThat((String) VerificationColumns.extractors().get("access_analyzer_checks").apply(row))
                .contains("good: not checked");
    }
}

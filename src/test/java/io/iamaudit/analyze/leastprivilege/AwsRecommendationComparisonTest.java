package io.iamaudit.analyze.leastprivilege;

import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.stage.AwsRecommendation;
import io.iamaudit.stage.LeastPrivilegeRecommendation;
import io.iamaudit.stage.LeastPrivilegeRecommendation.PolicyProposal;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AwsRecommendationComparisonTest {

    static final String ARN = "arn:aws:iam::111111111111:policy/app";
    final AwsRecommendationComparison comparison = new AwsRecommendationComparison(ActionCatalog.bundled());

    static String allow(String... actions) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\""
                + String.join("\",\"", actions) + "\"],\"Resource\":\"*\"}]}";
    }

    static LeastPrivilegeRecommendation ours(List<String> notes, PolicyProposal... proposals) {
        return new LeastPrivilegeRecommendation("r1", "run", "111111111111", "Role", "app",
                "arn:aws:iam::111111111111:role/app", LeastPrivilegeRecommendation.Verdict.NARROW, "", List.of(),
                List.of(), List.of(), 0, 0, List.of(), null, 0, List.of(proposals), notes);
    }

    static PolicyProposal managed(String original, String proposed, List<String> kept) {
        return new PolicyProposal("app", ARN, "MANAGED", original, proposed, List.of(), kept, true);
    }

    static AwsRecommendation aws(AwsRecommendation.Step... steps) {
        return new AwsRecommendation("111111111111", "f1", "arn:aa", "arn:aws:iam::111111111111:role/app", "SUCCEEDED",
                null, List.of(steps), null, List.of(), List.of(), null);
    }

    static AwsRecommendation.Step create(String policy) {
        return new AwsRecommendation.Step("CREATE_POLICY", ARN, policy);
    }

    @Test
    void theSameActionsAgreeWhateverTheirSpelling() {
        AwsRecommendation r = comparison.compare(aws(create(allow("S3:GetObject", "s3:PutObject"))),
                ours(List.of(), managed(allow("s3:*"), allow("s3:GetObject", "s3:PutObject"), List.of())));
        assertThat(r.comparison()).isEqualTo(AwsRecommendationComparison.AGREES);
        assertThat(r.oursOnly()).isEmpty();
        assertThat(r.awsOnly()).isEmpty();
        assertThat(r.note()).isNull();
    }

    @Test
    void awsNarrowerNamesTheActionsAndTheRailThatKeptThem() {
        AwsRecommendation r = comparison.compare(aws(create(allow("s3:GetObject"))),
                ours(List.of("unrelated note"), managed(allow("s3:*", "iam:PassRole"),
                        allow("s3:GetObject", "iam:PassRole"), List.of("iam:PassRole: last-accessed cannot see it"))));
        assertThat(r.comparison()).isEqualTo(AwsRecommendationComparison.AWS_NARROWER);
        assertThat(r.oursOnly()).containsExactly("iam:PassRole");
        assertThat(r.note()).contains("iam:PassRole: last-accessed cannot see it").doesNotContain("unrelated");
    }

    @Test
    void oursNarrowerAndDifferent() {
        PolicyProposal p = managed(allow("s3:*"), allow("s3:GetObject"), List.of());
        AwsRecommendation wider = comparison.compare(aws(create(allow("s3:GetObject", "s3:PutObject"))), ours(List.of(), p));
        assertThat(wider.comparison()).isEqualTo(AwsRecommendationComparison.OURS_NARROWER);
        assertThat(wider.awsOnly()).containsExactly("s3:PutObject");

        AwsRecommendation other = comparison.compare(aws(create(allow("s3:PutObject"))), ours(List.of(), p));
        assertThat(other.comparison()).isEqualTo(AwsRecommendationComparison.DIFFERENT);
    }

    @Test
    void aPolicyAwsGivesNoStepForStaysAsItIsAndADetachLeavesNothing() {
        PolicyProposal p = managed(allow("s3:GetObject", "s3:PutObject"), allow("s3:GetObject"), List.of());
        assertThat(comparison.compare(aws(), ours(List.of(), p)).comparison())
                .as("no step: AWS keeps the original").isEqualTo(AwsRecommendationComparison.OURS_NARROWER);
        assertThat(comparison.compare(aws(new AwsRecommendation.Step("DETACH_POLICY", ARN, null)), ours(List.of(), p))
                .comparison()).isEqualTo(AwsRecommendationComparison.AWS_NARROWER);
    }

    @Test
    void nothingToCompareWhenAwsDidNotSucceed() {
        AwsRecommendation failed = new AwsRecommendation("111111111111", "f1", "arn:aa", "arn:r", "NOT_VERIFIED",
                "ThrottlingException", List.of(), null, List.of(), List.of(), null);
        assertThat(comparison.compare(failed, ours(List.of(), managed(allow("s3:*"), allow("s3:GetObject"), List.of()))))
                .isSameAs(failed);
    }
}

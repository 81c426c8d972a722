package io.iamaudit.analyze.leastprivilege;

import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.testsupport.NpmIamData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.iamaudit.analyze.leastprivilege.PolicyRewriterGoldenTest.WINDOW_START;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action a golden proposal names exists in AWS's reference, and every wildcard matches at least one action:
 * checked against the npm package's own files, not the project's generated resource.
 */
class ProposalReferenceTest {

    private final PolicyRewriter rewriter = new PolicyRewriter(ActionCatalog.bundled());

    @ParameterizedTest
    @ValueSource(strings = {"aws-ReadOnlyAccess", "aws-PowerUserAccess", "aws-AmazonS3FullAccess",
            "customer-ci-deployer", "customer-admin-star", "customer-data-reader"})
    void goldenProposalsNameOnlyRealActions(String name) {
        NpmIamData reference = NpmIamData.require();
        PolicyRewriterGoldenTest.GoldenCase c = GoldenCases.get(name);
        PolicyRewriter.Result r = rewriter.rewrite(PolicyDocument.parse(c.policy()),
                new UsageDecider(Usage.of(c.usage(), WINDOW_START), AnalyzerEvidence.none()), "NOREPO");

        if (r.proposed() != null) {
            assertThat(reference.problems(r.proposed().toString(), reference.unknownLiterals(c.policy())))
                    .as("actions of the %s proposal unknown to AWS's reference", name).isEmpty();
        }
    }

    @Test
    void anUnknownActionIsReportedAndKeptVerbatimNeverJudged() {
        NpmIamData reference = NpmIamData.require();
        String policy = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Action":["s3:GetObjcet","ec2:DescribeInstances","lambda:Invoke"],"Resource":"*"}]}""";
        var usage = PolicyRewriterGoldenTest.report(policy, PolicyRewriterGoldenTest.used("s3", 2));

        PolicyRewriter.Result r = rewriter.rewrite(PolicyDocument.parse(policy),
                new UsageDecider(Usage.of(usage, WINDOW_START), AnalyzerEvidence.none()), "NOREPO");

        assertThat(reference.exists("s3:GetObjcet")).isFalse();
        assertThat(reference.exists("lambda:Invoke")).isFalse();
        assertThat(reference.exists("lambda:InvokeFunction")).isTrue();
        String proposed = r.proposed().toString();
        assertThat(proposed).contains("s3:GetObjcet", "lambda:Invoke").doesNotContain("ec2:DescribeInstances");
        assertThat(r.keptForReview()).contains(PolicyRewriter.unknownNote("s3:GetObjcet"),
                PolicyRewriter.unknownNote("lambda:Invoke"));
        assertThat(r.removed()).extracting(x -> x.permission()).containsExactly("ec2:DescribeInstances");
    }
}

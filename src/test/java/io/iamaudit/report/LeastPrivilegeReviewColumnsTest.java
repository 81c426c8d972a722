package io.iamaudit.report;

import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.stage.LeastPrivilegeRecommendation;
import io.iamaudit.stage.LeastPrivilegeRecommendation.PolicyProposal;
import io.iamaudit.stage.LeastPrivilegeRecommendation.RemovedPermission;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Least privilege columns a reviewer reads: documents side by side, the change by service, the files. */
class LeastPrivilegeReviewColumnsTest {

    private static final String ORIGINAL = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:GetObject\",\"s3:PutBucketPolicy\",\"s3:DeleteBucket\",\"iam:ListRoles\"],"
            + "\"Resource\":\"*\"}]}";
    private static final String PROPOSED = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:GetObject\"],\"Resource\":\"*\"}]}";

    @Test
    void documentsAreIndentedSideBySideAndTheDiffCountsAccessLevels() {
        LeastPrivilegeRecommendation r = rec(List.of(new PolicyProposal("app", null, "INLINE", ORIGINAL, PROPOSED,
                List.of(new RemovedPermission("s3:PutBucketPolicy", "unused"),
                        new RemovedPermission("s3:DeleteBucket", "unused"),
                        new RemovedPermission("iam:ListRoles", "unused")), List.of(), true)));

        assertThat(LeastPrivilegeColumns.readable(r, true)).startsWith("# app\n{\n").contains("\"s3:PutBucketPolicy\"");
        assertThat(LeastPrivilegeColumns.readable(r, false)).startsWith("# app\n{\n")
                .doesNotContain("PutBucketPolicy");
        assertThat(new ProposalDiff(ActionCatalog.bundled()).text(r.proposals())).isEqualTo(
                "iam: removed 1 (List 1); kept 0\n"
                        + "s3: removed 2 (Write 1, Permissions management 1); kept 1 (Read 1)");
        assertThat(LeastPrivilegeColumns.extractors().get("proposal_files").apply(r))
                .isEqualTo("least-privilege/111111111111/role/app/app.json");
    }

    @Test
    void anUnchangedProposalShowsNothingAndAHugeOneShowsItsFile() {
        LeastPrivilegeRecommendation kept = rec(List.of(new PolicyProposal("app", null, "INLINE", ORIGINAL, ORIGINAL,
                List.of(), List.of(), true)));
        assertThat(LeastPrivilegeColumns.readable(kept, false)).isNull();
        assertThat(new ProposalDiff(ActionCatalog.bundled()).text(kept.proposals())).isNull();

        StringBuilder many = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":[");
        List<String> ec2 = java.util.stream.Stream.of("ec2", "iam", "s3")
                .flatMap(x -> ActionCatalog.bundled().actionsOf(x).stream()).toList();
        for (int i = 0; i < ec2.size(); i++) {
            many.append(i == 0 ? "" : ",").append('"').append(ec2.get(i)).append('"');
        }
        String huge = many.append("],\"Resource\":\"*\"}]}").toString();
        LeastPrivilegeRecommendation big = rec(List.of(new PolicyProposal("big", null, "INLINE", huge, PROPOSED,
                List.of(new RemovedPermission("ec2:RunInstances", "unused")), List.of(), false)));

        assertThat(huge.length()).isGreaterThan(LeastPrivilegeColumns.READABLE_LIMIT);
        assertThat(LeastPrivilegeColumns.readable(big, true))
                .isEqualTo("# big: too long for a cell, see least-privilege/111111111111/role/app/big.original.json");
    }

    private static LeastPrivilegeRecommendation rec(List<PolicyProposal> proposals) {
        LeastPrivilegeRecommendation s = SampleRun.recommendation("run-1", "111111111111", "app");
        return new LeastPrivilegeRecommendation(s.recommendationId(), "run-1", "111111111111", "Role", "app",
                s.principalArn(), s.verdict(), s.reason(), s.grantedServices(), s.usedServices(),
                s.unusedServices(), s.grantedActions(), s.usedActions(), s.unusedActions(), s.lastUsed(),
                s.reductionPercent(), proposals, s.notes());
    }
}

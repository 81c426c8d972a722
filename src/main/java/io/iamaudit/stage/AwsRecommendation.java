package io.iamaudit.stage;

import java.util.List;

/**
 * AWS's own recommendation for an ACTIVE UnusedPermission finding (GenerateFindingRecommendation, then
 * GetFindingRecommendation), and how it compares with this tool's proposals for the same principal.
 *
 * @param status      SUCCEEDED, FAILED (AWS's error in {@code error}), or NOT_VERIFIED (a call failed or the poll
 *                    ran out of time: the reason in {@code error})
 * @param steps       AWS's recommended steps, one per existing policy
 * @param comparison  AGREES, OURS_NARROWER, AWS_NARROWER, DIFFERENT, or null when there is nothing to compare
 * @param oursOnly    actions our proposals keep that AWS's drops
 * @param awsOnly     actions AWS's recommendation keeps that ours drops
 * @param note        why ours kept more, from our rails, when AWS's is narrower
 */
public record AwsRecommendation(String accountId, String findingId, String analyzerArn, String resourceArn,
                                String status, String error, List<Step> steps, String comparison,
                                List<String> oursOnly, List<String> awsOnly, String note) {

    public AwsRecommendation {
        steps = steps == null ? List.of() : List.copyOf(steps);
        oursOnly = oursOnly == null ? List.of() : List.copyOf(oursOnly);
        awsOnly = awsOnly == null ? List.of() : List.copyOf(awsOnly);
    }

    /** CREATE_POLICY (with the recommended policy) or DETACH_POLICY, for one existing policy. */
    public record Step(String recommendedAction, String existingPolicyId, String recommendedPolicy) {
    }

    public AwsRecommendation withComparison(String comparison, List<String> oursOnly, List<String> awsOnly,
                                            String note) {
        return new AwsRecommendation(accountId, findingId, analyzerArn, resourceArn, status, error, steps, comparison,
                oursOnly, awsOnly, note);
    }
}

package io.iamaudit.stage;

import java.time.Instant;
import java.util.List;

/**
 * The least-privilege verdict for one user or role.
 *
 * @param recommendationId stable across runs (account + principal ARN)
 * @param verdict          what to do with the principal as a whole
 * @param reason           why, in one sentence (including why a principal was skipped)
 * @param reductionPercent share of granted actions the proposal removes, 0-100
 * @param proposals        one per policy document that grants the principal permissions
 * @param notes            safety rails that applied (kept for review, grace period, opt-out Sid, ...)
 */
public record LeastPrivilegeRecommendation(String recommendationId, String runId, String accountId,
                                           String principalType, String principalName, String principalArn,
                                           Verdict verdict, String reason,
                                           List<String> grantedServices, List<String> usedServices,
                                           List<String> unusedServices, int grantedActions, int usedActions,
                                           List<String> unusedActions, Instant lastUsed, double reductionPercent,
                                           List<PolicyProposal> proposals, List<String> notes) {
    public LeastPrivilegeRecommendation {
        grantedServices = List.copyOf(grantedServices);
        usedServices = List.copyOf(usedServices);
        unusedServices = List.copyOf(unusedServices);
        unusedActions = List.copyOf(unusedActions);
        proposals = List.copyOf(proposals);
        notes = List.copyOf(notes);
    }

    /** The same recommendation offering only these proposals (the report withholds those AWS's checks reject). */
    public LeastPrivilegeRecommendation withProposals(List<PolicyProposal> shown) {
        return new LeastPrivilegeRecommendation(recommendationId, runId, accountId, principalType, principalName,
                principalArn, verdict, reason, grantedServices, usedServices, unusedServices, grantedActions,
                usedActions, unusedActions, lastUsed, reductionPercent, shown, notes);
    }

    public enum Verdict { NARROW, DELETE_UNUSED_PRINCIPAL, KEEP, SKIPPED }

    /**
     * A proposed rewrite of one policy document.
     *
     * @param attachment     MANAGED, INLINE or GROUP (via a group the user belongs to)
     * @param policyArn      {@code null} for inline policies
     * @param fitsSizeLimit  false when the proposal exceeds IAM's size limit and must be split (the note says how)
     */
    public record PolicyProposal(String policyName, String policyArn, String attachment, String originalDocument,
                                 String proposedDocument, List<RemovedPermission> removed, List<String> keptForReview,
                                 boolean fitsSizeLimit) {
        public PolicyProposal {
            removed = List.copyOf(removed);
            keptForReview = List.copyOf(keptForReview);
        }
    }

    /** One permission the proposal removes, and the evidence that decided it. */
    public record RemovedPermission(String permission, String evidence) {
    }
}

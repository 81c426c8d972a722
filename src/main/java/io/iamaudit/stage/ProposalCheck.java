package io.iamaudit.stage;

import java.util.List;

/**
 * IAM Access Analyzer's verdict on one proposed policy document: {@code ValidatePolicy} always,
 * {@code CheckNoNewAccess} when the run turns it on (AWS charges per call). Staged after analysis, so a restart and the
 * report read it instead of calling AWS again.
 *
 * @param recommendationId the recommendation the proposal belongs to
 * @param policyName       the proposal's policy name, as in {@link LeastPrivilegeRecommendation.PolicyProposal}
 * @param documentsHash    SHA-256 of the original and proposed documents: a staged check is reused only for the
 *                         same documents
 * @param validation       PASS (no ERROR), FAIL (an ERROR), NOT_VERIFIED (the call failed: see {@code notVerified})
 * @param issues           every ValidatePolicy finding (errors, security warnings, warnings, suggestions)
 * @param noNewAccess      PASS, FAIL, NOT_RUN (off, or nothing to compare) or NOT_VERIFIED
 * @param noNewAccessMessage AWS's message and reasons for a FAIL
 * @param notVerified      why a check could not be made (throttled, AccessDenied, not offered in the region)
 */
public record ProposalCheck(String accountId, String recommendationId, String policyName, String attachment,
                            String documentsHash, Outcome validation, List<PolicyIssue> issues, Outcome noNewAccess,
                            String noNewAccessMessage, String notVerified) {

    public ProposalCheck {
        issues = issues == null ? List.of() : List.copyOf(issues);
    }

    public enum Outcome { PASS, FAIL, NOT_RUN, NOT_VERIFIED }

    /** One ValidatePolicy finding. */
    public record PolicyIssue(String findingType, String issueCode, String details) {
        public boolean error() {
            return "ERROR".equals(findingType);
        }
    }

    /** An ERROR from ValidatePolicy or a FAIL from CheckNoNewAccess: the proposal must not be offered. */
    public boolean withheld() {
        return validation == Outcome.FAIL || noNewAccess == Outcome.FAIL;
    }

    public boolean verified() {
        return notVerified == null || notVerified.isBlank();
    }

    /** The key that ties a check to its proposal. */
    public String proposalKey() {
        return key(recommendationId, attachment, policyName);
    }

    public static String key(String recommendationId, String attachment, String policyName) {
        return recommendationId + "|" + attachment + "|" + policyName;
    }
}

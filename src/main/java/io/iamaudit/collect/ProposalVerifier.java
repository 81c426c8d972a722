package io.iamaudit.collect;

import io.iamaudit.stage.LeastPrivilegeRecommendation.PolicyProposal;
import io.iamaudit.stage.ProposalCheck;
import io.iamaudit.stage.ProposalCheck.Outcome;
import io.iamaudit.stage.ProposalCheck.PolicyIssue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.model.CheckNoNewAccessResponse;
import software.amazon.awssdk.services.accessanalyzer.model.ReasonSummary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Has IAM Access Analyzer check one proposed policy document: {@code ValidatePolicy} (free) always, and when turned
 * on {@code CheckNoNewAccess} (charged per call) with the proposal as the new and the original as the existing
 * document. Both are stateless, so they run with the runner's own credentials, whatever account the policy lives in.
 * A call that fails (throttled beyond the retries, AccessDenied, not offered in the region) makes the proposal
 * NOT_VERIFIED with the reason: the run goes on.
 */
public final class ProposalVerifier {

    private static final Logger log = LoggerFactory.getLogger(ProposalVerifier.class);

    private final AccessAnalyzerClient client;
    private final boolean checkNoNewAccess;

    /** @param checkNoNewAccess whether to call CheckNoNewAccess (AWS charges per call, so off by default) */
    public ProposalVerifier(AccessAnalyzerClient client, boolean checkNoNewAccess) {
        this.client = client;
        this.checkNoNewAccess = checkNoNewAccess;
    }

    public ProposalCheck verify(String accountId, String recommendationId, PolicyProposal p) {
        String hash = documentsHash(p.originalDocument(), p.proposedDocument());
        if (p.proposedDocument() == null) {
            // a detach proposal grants nothing: there is no document to check
            return new ProposalCheck(accountId, recommendationId, p.policyName(), p.attachment(), hash, Outcome.NOT_RUN,
                    List.of(), Outcome.NOT_RUN, "no document: the proposal detaches the policy", null);
        }
        List<PolicyIssue> issues;
        try {
            issues = client.validatePolicyPaginator(r -> r.policyType("IDENTITY_POLICY")
                            .policyDocument(p.proposedDocument())).findings().stream()
                    .map(f -> new PolicyIssue(f.findingTypeAsString(), f.issueCode(), f.findingDetails())).toList();
        } catch (SdkException e) {
            String reason = "ValidatePolicy: " + AwsErrors.describe(e);
            return new ProposalCheck(accountId, recommendationId, p.policyName(), p.attachment(), hash,
                    Outcome.NOT_VERIFIED, List.of(), Outcome.NOT_RUN, null, reason);
        }
        Outcome validation = issues.stream().anyMatch(PolicyIssue::error) ? Outcome.FAIL : Outcome.PASS;
        if (!checkNoNewAccess) {
            return new ProposalCheck(accountId, recommendationId, p.policyName(), p.attachment(), hash, validation,
                    issues, Outcome.NOT_RUN, "CheckNoNewAccess off (iam-audit.access-analyzer-checks.check-no-new-access)",
                    null);
        }
        if (p.originalDocument() == null || p.originalDocument().equals(p.proposedDocument())) {
            return new ProposalCheck(accountId, recommendationId, p.policyName(), p.attachment(), hash, validation,
                    issues, Outcome.NOT_RUN, "unchanged: nothing new to check", null);
        }
        try {
            CheckNoNewAccessResponse r = client.checkNoNewAccess(b -> b.policyType("IDENTITY_POLICY")
                    .newPolicyDocument(p.proposedDocument()).existingPolicyDocument(p.originalDocument()));
            boolean pass = "PASS".equals(r.resultAsString());
            String message = pass ? r.message() : r.message() + reasons(r.reasons());
            if (!pass) {
                // a proposal granting more than its original is a defect of the rewriter: keep the evidence
                log.error("CheckNoNewAccess FAIL for account {} {} policy {}: {} -- existing: {} -- proposed: {}",
                        accountId, recommendationId, p.policyName(), message, p.originalDocument(),
                        p.proposedDocument());
            }
            return new ProposalCheck(accountId, recommendationId, p.policyName(), p.attachment(), hash, validation,
                    issues, pass ? Outcome.PASS : Outcome.FAIL, message, null);
        } catch (SdkException e) {
            return new ProposalCheck(accountId, recommendationId, p.policyName(), p.attachment(), hash, validation,
                    issues, Outcome.NOT_VERIFIED, null, "CheckNoNewAccess: " + AwsErrors.describe(e));
        }
    }

    private static String reasons(List<ReasonSummary> reasons) {
        return reasons.isEmpty() ? "" : reasons.stream()
                .map(r -> "statement " + r.statementIndex() + ": " + r.description())
                .collect(Collectors.joining("; ", " (", ")"));
    }

    /** SHA-256 over both documents: a staged check stands only for the documents it was made on. */
    public static String documentsHash(String original, String proposed) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.valueOf(original).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(String.valueOf(proposed).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.iamaudit.analyze.leastprivilege;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamaudit.analyze.PolicySource;
import io.iamaudit.analyze.Thresholds;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.stage.LeastPrivilegeRecommendation.PolicyProposal;
import io.iamaudit.stage.ManagedPolicy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One {@link PolicyProposal} per policy document, with the rails that apply to documents and IAM's size quotas. */
final class ProposalBuilder {
    private final PolicyRewriter rewriter;

    ProposalBuilder(PolicyRewriter rewriter) {
        this.rewriter = rewriter;
    }

    PolicyProposal proposal(PolicySource src, Subject s, LeastPrivilegeEngine.Inputs in, UsageDecider own,
                            List<String> notes) {
        if (src.attachment() == PolicySource.Attachment.GROUP) {
            Usage members = in.groupUsage(src.group());
            if (members == null) {
                notes.add("group " + src.group() + ": a member has no last-accessed data, so its policies are kept "
                        + "unchanged");
                return unchanged(src, List.of("a member of " + src.group() + " has no last-accessed data"));
            }
            notes.add("group " + src.group() + ": proposals use the merged usage of all its members");
            return in.shared("group|" + src.group() + "|" + src.name(), () -> rewrite(src, in,
                    new UsageDecider(members, AnalyzerEvidence.none()), new ArrayList<>()));
        }
        return rewrite(src, in, own, notes);
    }

    private PolicyProposal rewrite(PolicySource src, LeastPrivilegeEngine.Inputs in, UsageDecider decider,
                                   List<String> notes) {
        Thresholds t = in.ctx().thresholds();
        if (PrincipalRecommender.withinGrace(src, in.ctx().asOf(in.snapshot()), t)) {
            String note = src.label() + ": default version created within the " + t.gracePeriodDays()
                    + "-day grace period; its permissions may be new, so it is kept unchanged";
            notes.add(note);
            return unchanged(src, List.of(note));
        }
        PolicyDocument doc = src.parsed().orElseThrow();
        PolicyRewriter.Result r = rewriter.rewrite(doc, decider, t.optOutSidPrefix());
        if (!r.changed()) {
            return new PolicyProposal(name(src), src.arn(), src.attachment().name(), src.document(),
                    src.document(), List.of(), r.keptForReview(), fitsManaged(src, doc.json()));
        }
        List<String> review = new ArrayList<>(r.keptForReview());
        if (r.proposed() == null) {
            review.add("nothing in " + src.name() + " is still used: detach it");
        }
        if (src.awsManaged()) {
            review.add("AWS managed policies cannot be edited: create the proposal as a customer managed policy "
                    + "and detach " + src.name());
        } else if (src.managed()) {
            int attachments = in.auth().policy(src.arn()).map(ManagedPolicy::attachmentCount).orElse(1);
            if (attachments > 1) {
                review.add(src.name() + " is attached " + attachments + " times: create the proposal as a new "
                        + "policy for this principal instead of editing the shared one");
            }
        }
        boolean fits = fitsManaged(src, r.proposed());
        if (!fits) {
            review.add(splitNote(name(src), r.proposed()));
        }
        return new PolicyProposal(name(src), src.arn(), src.attachment().name(), src.document(),
                PrincipalRecommender.json(r.proposed()), r.removed(), review, fits);
    }

    /** How an oversized proposal becomes managed policies that each fit IAM's quota ({@link ProposalSplitter}). */
    static String splitNote(String policyName, ObjectNode proposed) {
        List<ProposalSplitter.Part> parts = ProposalSplitter.split(policyName, proposed, PolicySizes.MANAGED);
        return "proposed document has " + PolicySizes.size(proposed) + " characters (> " + PolicySizes.MANAGED
                + "): split it into " + parts.size() + " managed policies, statements grouped by service: "
                + String.join(", ", parts.stream().map(ProposalSplitter.Part::name).toList());
    }

    /** Marks inline proposals whose aggregate exceeds the principal's (or group's) inline quota. */
    List<PolicyProposal> checkInlineAggregate(List<PolicyProposal> list, String principalType, List<String> notes) {
        Map<String, Integer> totals = new HashMap<>();
        for (PolicyProposal p : list) {
            if (p.policyArn() == null) {
                totals.merge(key(p), size(p.proposedDocument()), Integer::sum);
            }
        }
        List<PolicyProposal> out = new ArrayList<>();
        for (PolicyProposal p : list) {
            int limit = p.attachment().equals("GROUP") ? PolicySizes.INLINE_GROUP
                    : "Role".equals(principalType) ? PolicySizes.INLINE_ROLE : PolicySizes.INLINE_USER;
            if (p.policyArn() == null && totals.get(key(p)) > limit) {
                String note = "inline policies total " + totals.get(key(p)) + " characters (> " + limit
                        + "): move them into managed policies";
                notes.add(note);
                List<String> review = new ArrayList<>(p.keptForReview());
                review.add(note + ": create " + p.policyName() + " as a customer managed policy, attach it, then "
                        + "delete the inline policy");
                ObjectNode proposed = p.proposedDocument() == null ? null
                        : PolicySource.parse(p.proposedDocument()).map(PolicyDocument::json).orElse(null);
                if (proposed != null && PolicySizes.size(proposed) > PolicySizes.MANAGED) {
                    review.add(splitNote(p.policyName(), proposed));
                }
                out.add(new PolicyProposal(p.policyName(), null, p.attachment(), p.originalDocument(),
                        p.proposedDocument(), p.removed(), review, false));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** Inline quotas apply per principal, and per group for the groups' inline policies. */
    private static String key(PolicyProposal p) {
        return p.attachment().equals("GROUP") ? p.policyName().substring(0, p.policyName().indexOf('/')) : "";
    }

    /** Group documents are named {@code group/policy}: the same policy name can exist in two groups. */
    private static String name(PolicySource src) {
        return src.attachment() == PolicySource.Attachment.GROUP ? src.group() + "/" + src.name() : src.name();
    }

    private static int size(String json) {
        return json == null ? 0 : PolicySource.parse(json).map(d -> PolicySizes.size(d.json())).orElse(json.length());
    }

    private static boolean fitsManaged(PolicySource src, ObjectNode doc) {
        return !src.managed() || PolicySizes.size(doc) <= PolicySizes.MANAGED;
    }

    private static PolicyProposal unchanged(PolicySource src, List<String> why) {
        return new PolicyProposal(name(src), src.arn(), src.attachment().name(), src.document(), src.document(),
                List.of(), why, true);
    }
}

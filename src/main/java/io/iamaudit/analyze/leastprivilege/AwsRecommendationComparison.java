package io.iamaudit.analyze.leastprivilege;

import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.policy.ActionPattern;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.policy.Statement;
import io.iamaudit.stage.AwsRecommendation;
import io.iamaudit.stage.LeastPrivilegeRecommendation;
import io.iamaudit.stage.LeastPrivilegeRecommendation.PolicyProposal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares AWS's recommendation for a principal with ours, by the actions each leaves allowed (Allow statements
 * expanded over the action catalog; resources and conditions aside). A policy AWS gives no step for stays as it is; a
 * DETACH_POLICY step leaves nothing; a CREATE_POLICY step replaces it by AWS's document. AWS names a policy by ARN
 * (managed) or name (inline); ours are matched on either.
 *
 * <p>AGREES: the same actions. OURS_NARROWER / AWS_NARROWER: one keeps a subset of the other. DIFFERENT: each keeps
 * something the other drops. Where AWS's is narrower, the note says which of our rails kept the extra actions.
 */
public final class AwsRecommendationComparison {

    public static final String AGREES = "AGREES";
    public static final String OURS_NARROWER = "OURS_NARROWER";
    public static final String AWS_NARROWER = "AWS_NARROWER";
    public static final String DIFFERENT = "DIFFERENT";

    private final ActionCatalog catalog;

    public AwsRecommendationComparison(ActionCatalog catalog) {
        this.catalog = catalog;
    }

    /** The recommendation with its comparison; unchanged when AWS's did not succeed or ours has no proposals. */
    public AwsRecommendation compare(AwsRecommendation aws, LeastPrivilegeRecommendation ours) {
        if (!"SUCCEEDED".equals(aws.status()) || ours == null || ours.proposals().isEmpty()) {
            return aws;
        }
        Map<String, AwsRecommendation.Step> steps = new HashMap<>();
        aws.steps().forEach(s -> steps.put(s.existingPolicyId(), s));
        Set<String> oursAllowed = new TreeSet<>();
        Set<String> awsAllowed = new TreeSet<>();
        for (PolicyProposal p : ours.proposals()) {
            if (p.proposedDocument() != null) {
                oursAllowed.addAll(allowed(p.proposedDocument()));
            }
            AwsRecommendation.Step step = p.policyArn() != null && steps.containsKey(p.policyArn())
                    ? steps.get(p.policyArn()) : steps.get(p.policyName());
            if (step == null) {
                if (p.originalDocument() != null) {
                    awsAllowed.addAll(allowed(p.originalDocument()));
                }
            } else if ("CREATE_POLICY".equals(step.recommendedAction()) && step.recommendedPolicy() != null) {
                awsAllowed.addAll(allowed(step.recommendedPolicy()));
            }
        }
        List<String> oursOnly = new ArrayList<>(oursAllowed);
        oursOnly.removeAll(awsAllowed);
        List<String> awsOnly = new ArrayList<>(awsAllowed);
        awsOnly.removeAll(oursAllowed);
        String verdict = oursOnly.isEmpty() && awsOnly.isEmpty() ? AGREES
                : oursOnly.isEmpty() ? OURS_NARROWER : awsOnly.isEmpty() ? AWS_NARROWER : DIFFERENT;
        String note = oursOnly.isEmpty() ? null : whyOursKeptMore(oursOnly, ours);
        return aws.withComparison(verdict, oursOnly, awsOnly, note);
    }

    /** Our rails behind the actions we keep and AWS drops: the kept-for-review entries and notes naming them. */
    static String whyOursKeptMore(List<String> oursOnly, LeastPrivilegeRecommendation ours) {
        Set<String> services = new TreeSet<>();
        oursOnly.forEach(a -> services.add(a.substring(0, Math.max(0, a.indexOf(':'))).toLowerCase(Locale.ROOT)));
        List<String> reasons = new ArrayList<>();
        for (PolicyProposal p : ours.proposals()) {
            for (String kept : p.keptForReview()) {
                String lower = kept.toLowerCase(Locale.ROOT);
                if (services.stream().anyMatch(s -> lower.contains(s + ":") || lower.startsWith(s + " "))) {
                    reasons.add(kept);
                }
            }
        }
        boolean group = ours.proposals().stream().anyMatch(p -> "GROUP".equals(p.attachment()));
        for (String note : ours.notes()) {
            String lower = note.toLowerCase(Locale.ROOT);
            // a group's policy keeps what any member used; AWS's recommendation is about this principal alone
            if (group && lower.startsWith("group ")
                    || services.stream().anyMatch(s -> lower.contains(s + ":") || lower.contains(" " + s + " "))) {
                reasons.add(note);
            }
        }
        return reasons.isEmpty()
                ? "ours keeps " + oursOnly.size() + " actions AWS drops; no rail of ours names them: review them"
                : "ours keeps more because: " + String.join("; ", reasons.stream().distinct().toList());
    }

    /** The actions a document's Allow statements grant (NotAction: every catalog action outside its list). */
    Set<String> allowed(String document) {
        Set<String> out = new TreeSet<>();
        PolicyDocument doc;
        try {
            doc = PolicyDocument.parse(document);
        } catch (IllegalArgumentException e) {
            return out;
        }
        for (Statement s : doc.allows()) {
            if (s.notAction()) {
                for (String prefix : catalog.prefixes()) {
                    catalog.actionsOf(prefix).stream().filter(s::coversAction).forEach(a -> out.add(normal(a)));
                }
            } else {
                for (ActionPattern p : s.actions()) {
                    catalog.expand(p).forEach(a -> out.add(normal(a)));
                }
            }
        }
        return out;
    }

    /** IAM actions are case-insensitive: the service prefix in lower case, the action as the catalog writes it. */
    private static String normal(String action) {
        int colon = action.indexOf(':');
        return colon < 0 ? action : action.substring(0, colon).toLowerCase(Locale.ROOT) + action.substring(colon);
    }
}

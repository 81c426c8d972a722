package io.iamaudit.report;

import io.iamaudit.stage.AwsRecommendation;
import io.iamaudit.stage.LeastPrivilegeRecommendation.PolicyProposal;
import io.iamaudit.stage.ProposalCheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Least privilege table's columns: ours (every column of {@link LeastPrivilegeColumns}, computed on what is
 * offered, i.e. without withheld proposals), then IAM Access Analyzer's checks and AWS's own recommendation.
 */
final class VerificationColumns {

    /** Differing actions listed per row; the count says how many more there are. */
    private static final int MAX_ACTIONS = 40;

    private VerificationColumns() {
    }

    static Map<String, Function<? super VerifiedRecommendation, ?>> extractors() {
        Map<String, Function<? super VerifiedRecommendation, ?>> m = new LinkedHashMap<>();
        LeastPrivilegeColumns.extractors().forEach((key, f) -> m.put(key, row -> f.apply(row.shown())));
        m.put("access_analyzer_checks", VerificationColumns::checks);
        m.put("aws_recommended_policy", r -> Texts.lines(r.aws().stream().flatMap(a -> steps(a).stream()).toList()));
        m.put("aws_comparison", r -> Texts.list(r.aws().stream()
                .map(a -> a.comparison() != null ? a.comparison() : a.status()).toList()));
        m.put("aws_comparison_detail", r -> Texts.lines(r.aws().stream().flatMap(a -> detail(a).stream()).toList()));
        return m;
    }

    /** Per proposal: ValidatePolicy's verdict with its findings, CheckNoNewAccess's, or why it was not verified. */
    static String checks(VerifiedRecommendation row) {
        List<String> lines = new ArrayList<>();
        List<PolicyProposal> proposals = row.recommendation().proposals();
        for (int i = 0; i < proposals.size(); i++) {
            ProposalCheck c = i < row.checks().size() ? row.checks().get(i) : null;
            String name = proposals.get(i).policyName();
            if (c == null) {
                lines.add(name + ": not checked");
                continue;
            }
            StringBuilder line = new StringBuilder(name).append(": ");
            if (c.withheld()) {
                line.append("WITHHELD; ");
            }
            if (!c.verified()) {
                line.append("NOT VERIFIED (").append(c.notVerified()).append("); ");
            }
            line.append("ValidatePolicy ").append(c.validation());
            c.issues().forEach(issue -> line.append("; ").append(issue.findingType()).append(' ')
                    .append(issue.issueCode()).append(": ").append(issue.details()));
            line.append("; CheckNoNewAccess ").append(c.noNewAccess());
            if (c.noNewAccess() == ProposalCheck.Outcome.FAIL && c.noNewAccessMessage() != null) {
                line.append(": ").append(c.noNewAccessMessage());
            }
            lines.add(line.toString());
        }
        return Texts.lines(lines);
    }

    private static List<String> steps(AwsRecommendation a) {
        if (!"SUCCEEDED".equals(a.status())) {
            return List.of(a.status() + (a.error() == null ? "" : ": " + a.error()));
        }
        if (a.steps().isEmpty()) {
            return List.of("no change recommended");
        }
        return a.steps().stream().map(s -> s.recommendedAction() + " " + s.existingPolicyId()
                + (s.recommendedPolicy() == null ? "" : ": " + s.recommendedPolicy())).toList();
    }

    private static List<String> detail(AwsRecommendation a) {
        List<String> out = new ArrayList<>();
        if (!a.oursOnly().isEmpty()) {
            out.add("ours keeps, AWS's drops (" + a.oursOnly().size() + "): " + capped(a.oursOnly()));
        }
        if (!a.awsOnly().isEmpty()) {
            out.add("AWS's keeps, ours drops (" + a.awsOnly().size() + "): " + capped(a.awsOnly()));
        }
        if (a.note() != null) {
            out.add(a.note());
        }
        return out;
    }

    private static String capped(List<String> actions) {
        return actions.size() <= MAX_ACTIONS ? String.join(", ", actions)
                : String.join(", ", actions.subList(0, MAX_ACTIONS)) + " and " + (actions.size() - MAX_ACTIONS) + " more";
    }
}

package io.iamaudit.report;

import io.iamaudit.stage.LeastPrivilegeRecommendation;
import io.iamaudit.stage.LeastPrivilegeRecommendation.PolicyProposal;

import java.util.ArrayList;
import java.util.List;

/**
 * How to apply one proposal and how to roll it back, as AWS CLI calls (IAM API names in the same words): a customer
 * managed policy gets a new default version and returns to its original default version; an AWS managed or shared
 * policy is replaced by a new customer managed policy for this principal; an inline policy is put again; a split
 * proposal becomes several managed policies. Files named here sit beside the note.
 */
final class ApplyNote {

    private ApplyNote() {
    }

    /**
     * @param fileBase         the proposal's file name without extension ({@code <policy>})
     * @param defaultVersionId the managed policy's default version when the run collected it, else {@code null}
     * @param parts            names of the managed policies a split proposal becomes (empty when it fits)
     */
    static String text(LeastPrivilegeRecommendation r, PolicyProposal p, String fileBase, String defaultVersionId,
                       List<String> parts) {
        String kind = kind(r.principalType(), p);
        String principal = kind.equals("group") ? p.policyName().substring(0, p.policyName().indexOf('/'))
                : r.principalName();
        String policy = kind.equals("group") ? p.policyName().substring(p.policyName().indexOf('/') + 1)
                : p.policyName();
        List<String> apply = new ArrayList<>();
        List<String> back = new ArrayList<>();
        String target = "--" + kind + "-name " + principal;
        boolean managed = p.policyArn() != null;
        boolean sharedOrAws = managed && (p.policyArn().contains(":iam::aws:policy/")
                || p.keptForReview().stream().anyMatch(n -> n.contains("create the proposal as a new policy")));
        if (p.proposedDocument() == null) {
            if (managed) {
                apply.add("aws iam detach-" + kind + "-policy " + target + " --policy-arn " + p.policyArn());
                back.add("aws iam attach-" + kind + "-policy " + target + " --policy-arn " + p.policyArn());
            } else {
                apply.add("aws iam delete-" + kind + "-policy " + target + " --policy-name " + policy);
                back.add("aws iam put-" + kind + "-policy " + target + " --policy-name " + policy
                        + " --policy-document file://" + fileBase + ".original.json");
            }
        } else if (!parts.isEmpty()) {
            for (String part : parts) {
                apply.add("aws iam create-policy --policy-name " + part + " --policy-document file://" + part
                        + ".json");
                apply.add("aws iam attach-" + kind + "-policy " + target + " --policy-arn <arn of " + part + ">");
                back.add("aws iam detach-" + kind + "-policy " + target + " --policy-arn <arn of " + part + ">");
            }
            apply.add(removeOriginal(kind, target, p, policy));
            back.add(0, restoreOriginal(kind, target, p, policy, fileBase));
        } else if (managed && !sharedOrAws) {
            apply.add("aws iam create-policy-version --policy-arn " + p.policyArn() + " --policy-document file://"
                    + fileBase + ".json --set-as-default   (a policy keeps at most 5 versions: delete an old "
                    + "non-default one first with delete-policy-version if needed)");
            back.add("aws iam set-default-policy-version --policy-arn " + p.policyArn() + " --version-id "
                    + (defaultVersionId == null ? "<the default version id before the change: see "
                    + "list-policy-versions>" : defaultVersionId));
        } else if (managed) {
            String name = fileBase + "-least-privilege";
            apply.add("aws iam create-policy --policy-name " + name + " --policy-document file://" + fileBase
                    + ".json");
            apply.add("aws iam attach-" + kind + "-policy " + target + " --policy-arn <arn of " + name + ">");
            apply.add("aws iam detach-" + kind + "-policy " + target + " --policy-arn " + p.policyArn());
            back.add("aws iam attach-" + kind + "-policy " + target + " --policy-arn " + p.policyArn());
            back.add("aws iam detach-" + kind + "-policy " + target + " --policy-arn <arn of " + name + ">");
        } else {
            apply.add("aws iam put-" + kind + "-policy " + target + " --policy-name " + policy
                    + " --policy-document file://" + fileBase + ".json");
            back.add("aws iam put-" + kind + "-policy " + target + " --policy-name " + policy
                    + " --policy-document file://" + fileBase + ".original.json");
        }
        StringBuilder out = new StringBuilder();
        out.append("# ").append(p.policyName()).append(" (").append(p.attachment()).append(") of ")
                .append(r.principalArn()).append("\n\n");
        out.append("Review ").append(fileBase).append(".json against ").append(fileBase)
                .append(".original.json and the removed permissions in the report first.\n\n");
        out.append("Apply:\n");
        apply.forEach(line -> out.append("  ").append(line).append('\n'));
        out.append("\nRoll back:\n");
        back.forEach(line -> out.append("  ").append(line).append('\n'));
        return out.toString();
    }

    /** {@code user}, {@code role} or {@code group}: the word the IAM API uses in its policy calls. */
    static String kind(String principalType, PolicyProposal p) {
        if ("GROUP".equals(p.attachment())) {
            return "group";
        }
        return "Role".equals(principalType) ? "role" : "user";
    }

    private static String removeOriginal(String kind, String target, PolicyProposal p, String policy) {
        return p.policyArn() != null ? "aws iam detach-" + kind + "-policy " + target + " --policy-arn " + p.policyArn()
                : "aws iam delete-" + kind + "-policy " + target + " --policy-name " + policy;
    }

    private static String restoreOriginal(String kind, String target, PolicyProposal p, String policy,
                                          String fileBase) {
        return p.policyArn() != null ? "aws iam attach-" + kind + "-policy " + target + " --policy-arn "
                + p.policyArn() : "aws iam put-" + kind + "-policy " + target + " --policy-name " + policy
                + " --policy-document file://" + fileBase + ".original.json";
    }
}

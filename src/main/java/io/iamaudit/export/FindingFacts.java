package io.iamaudit.export;

import io.iamaudit.analyze.RuleCatalog;
import io.iamaudit.analyze.RuleDisplays;
import io.iamaudit.analyze.RuleMetadata;
import io.iamaudit.analyze.Rule;
import io.iamaudit.stage.AuditRun;
import io.iamaudit.stage.Finding;

import java.time.Instant;
import java.util.Locale;

/**
 * What both exports say about one staged finding, worked out once: titles as the workbook shows them, the resource
 * in AWS's terms, the framework references and remediation of its rule, and its first- and last-seen times.
 *
 * @param lastSeen     the start of this run, which reported it (the findings ledger's last-seen)
 * @param resourceId   the resource's ARN where we have one, else the account as Security Hub names it
 * @param resourceType the ASFF resource type ({@code AwsIamRole}, {@code AwsAccount}, ... or {@code Other})
 * @param remediation  the finding's own recommendation, else the rule's remediation text
 */
public record FindingFacts(Finding finding, String title, String description, String resourceId,
                           String resourceType, String resourceName, ComplianceRefs compliance, String remediation,
                           Instant firstSeen, Instant lastSeen, String organizationId) {

    /** Builds the facts from staged findings and the standard rule catalog and display texts. */
    public static final class Factory {
        private final RuleCatalog catalog;
        private final RuleDisplays displays;

        public Factory(RuleCatalog catalog, RuleDisplays displays) {
            this.catalog = catalog;
            this.displays = displays;
        }

        public static Factory standard() {
            return new Factory(io.iamaudit.analyze.rules.Rules.catalog(), RuleDisplays.standard());
        }

        public FindingFacts of(Finding f, AuditRun run) {
            RuleMetadata rule = catalog.rule(f.ruleId()).map(Rule::metadata).orElse(null);
            boolean notEvaluated = f.status() == Finding.Status.NOT_EVALUATED;
            // the workbook's wording: what is wrong, or for a rule not evaluated the control's desired state
            String title = notEvaluated ? displays.controlTitle(f.ruleId(), f.title())
                    : displays.failureTitle(f.ruleId(), f.title());
            String description = f.evidence() != null && !f.evidence().isBlank() ? f.evidence()
                    : rule != null && rule.rationale() != null ? rule.rationale() : title;
            String remediation = f.recommendation() != null && !f.recommendation().isBlank() ? f.recommendation()
                    : rule == null ? null : rule.remediation();
            Instant lastSeen = run.startedAt();
            Instant firstSeen = f.firstSeen() == null || f.firstSeen().isAfter(lastSeen) ? lastSeen : f.firstSeen();
            return new FindingFacts(f, title, description, resourceId(f), resourceType(f),
                    f.principalName() == null ? f.accountId() : f.principalName(), ComplianceRefs.of(rule),
                    remediation, firstSeen, lastSeen, run.organizationId());
        }
    }

    /** The same facts last seen at {@code at} (a resolved finding was last seen by an earlier run). */
    public FindingFacts withLastSeen(Instant at) {
        return new FindingFacts(finding, title, description, resourceId, resourceType, resourceName, compliance,
                remediation, firstSeen.isAfter(at) ? at : firstSeen, at, organizationId);
    }

    static String resourceId(Finding f) {
        if (f.principalArn() != null && f.principalArn().startsWith("arn:")) {
            return f.principalArn();
        }
        // Security Hub's own id of an account resource
        return "AWS::::Account:" + f.accountId();
    }

    /** Security Hub's resource type names for what our rules report on. */
    static String resourceType(Finding f) {
        String arn = f.principalArn() == null ? "" : f.principalArn();
        if (!arn.startsWith("arn:")) {
            return "AwsAccount";
        }
        String type = f.principalType() == null ? "" : f.principalType().toLowerCase(Locale.ROOT);
        if (arn.endsWith(":root") || type.equals("rootuser") || type.equals("account")) {
            return "AwsAccount";
        }
        if (arn.contains(":iam::")) {
            String kind = arn.substring(arn.indexOf(":iam::") + 6);
            kind = kind.substring(kind.indexOf(':') + 1);
            if (kind.startsWith("user/")) {
                return "AwsIamUser";
            }
            if (kind.startsWith("role/")) {
                return "AwsIamRole";
            }
            if (kind.startsWith("group/")) {
                return "AwsIamGroup";
            }
            if (kind.startsWith("policy/")) {
                return "AwsIamPolicy";
            }
            return "Other";
        }
        if (arn.startsWith("arn:aws:s3:::")) {
            return "AwsS3Bucket";
        }
        if (arn.contains(":kms:")) {
            return "AwsKmsKey";
        }
        return "Other";
    }

    public String partition() {
        String arn = finding.principalArn();
        if (arn != null && arn.startsWith("arn:")) {
            String[] parts = arn.split(":", 3);
            return parts.length > 1 ? parts[1] : "aws";
        }
        return "aws";
    }

    public boolean excepted() {
        return finding.status() == Finding.Status.EXCEPTED;
    }

    public boolean notEvaluated() {
        return finding.status() == Finding.Status.NOT_EVALUATED;
    }

    /** The exception's note with its owner and expiry, as an auditor would want them in a SIEM. */
    public String exceptionText() {
        StringBuilder s = new StringBuilder();
        s.append(finding.exceptionNote() == null || finding.exceptionNote().isBlank() ? "Accepted risk"
                : finding.exceptionNote());
        if (finding.exceptionOwner() != null && !finding.exceptionOwner().isBlank()) {
            s.append(" (owner ").append(finding.exceptionOwner());
            s.append(finding.exceptionExpiry() == null ? ")" : ", expires " + finding.exceptionExpiry() + ")");
        } else if (finding.exceptionExpiry() != null) {
            s.append(" (expires ").append(finding.exceptionExpiry()).append(')');
        }
        return s.toString();
    }
}

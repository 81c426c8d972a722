package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.DataSet;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.OrganizationFeatures;
import io.iamaudit.stage.Severity;

import java.util.List;

import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * Centralized root access: the organization's root credentials management feature. An organization-wide setting,
 * read once per run in the account the runner works from (management account or IAM's delegated administrator) and
 * judged there; every other account's snapshot has no such data set and nothing of its own to answer for, so the
 * rule raises nothing there. Where the read failed, the rule is not evaluated (the base rule's data-set gate). HIGH, as Prowler
 * rates it: without the feature every member account keeps a root user that can sign in and be recovered by e-mail.
 */
public final class RootCredentialsManagementRule extends BaseRule {
    public RootCredentialsManagementRule() {
        super(rule("IAM.ORG.ROOT_CREDENTIALS_MANAGEMENT", "Organization manages member root credentials centrally",
                Severity.HIGH)
                .wellArchitected("SEC02-BP01", "SEC03-BP02")
                .rationale("Root credentials management lets the management account remove and keep member accounts' "
                        + "root passwords, keys and MFA devices, and stops new member accounts from getting them; "
                        + "root sessions let it perform the few root-only tasks without a root password.")
                .remediation("Enable trusted access for IAM in Organizations, then IAM > Root access management: "
                        + "enable root credentials management and root sessions (aws iam "
                        + "enable-organizations-root-credentials-management; aws iam "
                        + "enable-organizations-root-sessions).")
                .needs(DataSet.ORGANIZATION_FEATURES).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        if (s.organizationFeatures() == null) {
            return List.of(); // not the account where the organization's features are read
        }
        OrganizationFeatures f = s.organizationFeatures().value();
        if (f.enabled(OrganizationFeatures.ROOT_CREDENTIALS_MANAGEMENT)) {
            return List.of();
        }
        String evidence = f.iamTrustedAccess()
                ? "organization " + f.organizationId() + ": root credentials management is off (enabled features: "
                + (f.enabledFeatures().isEmpty() ? "none" : String.join(", ", f.enabledFeatures())) + ")"
                : "trusted access for IAM is not enabled in Organizations, so centralized root access is off";
        return List.of(Evidence.account(s, evidence));
    }
}

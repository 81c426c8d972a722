package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.DataSet;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.NotEvaluatedException;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Severity;

import java.util.List;

import static io.iamaudit.analyze.DataSet.ACCOUNT_SUMMARY;
import static io.iamaudit.analyze.DataSet.CREDENTIAL_REPORT;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * Member accounts whose root user still has credentials (a password in use, access keys, signing certificates or an
 * MFA device). With centralized root access the management account performs the few root-only tasks through
 * sts:AssumeRoot and member roots need no credentials at all. LOW: until the organization's IAM features are read,
 * a member root kept with a hardware MFA may be a deliberate choice.
 */
public final class MemberRootCredentialsRule extends BaseRule {
    public MemberRootCredentialsRule() {
        super(rule("IAM.ROOT.MEMBER_CREDENTIALS", "Member accounts' root users have no credentials", Severity.LOW)
                .wellArchitected("SEC02-BP01", "SEC02-BP02")
                .rationale("Every root password, key or MFA device in a member account is a credential to protect, "
                        + "rotate and recover; centralized root access removes the need for them.")
                .remediation("Enable centralized root access (IAM > Root access management: root credentials "
                        + "management and root sessions) and delete the member root's password, keys, "
                        + "certificates and MFA devices.")
                .needs(CREDENTIAL_REPORT, ACCOUNT_SUMMARY).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        if (ctx.managementAccountId() == null) {
            throw new NotEvaluatedException(DataSet.CREDENTIAL_REPORT,
                    "the organization's management account is not known, so member accounts cannot be told apart");
        }
        if (!ctx.memberAccount(s)) {
            return List.of();
        }
        List<String> present = RootCredentials.present(s).orElseThrow(() -> new NotEvaluatedException(
                CREDENTIAL_REPORT, "the credential report has no <root_account> row"));
        return present.isEmpty() ? List.of()
                : List.of(Evidence.root(s, "member account root still has " + String.join(", ", present)));
    }
}

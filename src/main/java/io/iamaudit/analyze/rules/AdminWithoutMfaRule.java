package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.EffectivePolicies;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Grants;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.CredentialReportRow;
import io.iamaudit.stage.IamUser;
import io.iamaudit.stage.Severity;

import java.util.Map;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.DataSet.CREDENTIAL_REPORT;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** IAM users with full administrator permissions (directly or through a group) have MFA. */
public final class AdminWithoutMfaRule extends BaseRule {
    public AdminWithoutMfaRule() {
        super(rule("IAM.USER.ADMIN_NO_MFA", "Administrators have MFA", Severity.CRITICAL)
                .wellArchitected("SEC02-BP01", "SEC03-BP02")
                .rationale("An administrator's single factor is the whole account's single factor.")
                .remediation("Enable MFA for the user now; better, move administrators to federated roles.")
                .needs(AUTHORIZATION, CREDENTIAL_REPORT).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        Map<String, CredentialReportRow> rows = Evidence.users(s)
                .collect(Collectors.toMap(CredentialReportRow::arn, Function.identity(), (a, b) -> a));
        return Evidence.auth(s).users().stream()
                .filter(u -> rows.containsKey(u.arn()) && !rows.get(u.arn()).mfaActive())
                .filter(u -> Grants.isAdministrator(EffectivePolicies.forUser(Evidence.auth(s), u)))
                .map(u -> violation(u, rows.get(u.arn()))).toList();
    }

    private static Violation violation(IamUser u, CredentialReportRow row) {
        return Violation.of("User", u.userName(), u.arn(), "full administrator (AdministratorAccess or * on *), "
                + "mfa_active = false, console password " + (Evidence.console(row) ? "enabled" : "disabled"));
    }
}

package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.CredentialReportRow;
import io.iamaudit.stage.Severity;

import java.time.Instant;
import java.util.List;

import static io.iamaudit.analyze.DataSet.CREDENTIAL_REPORT;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * Console passwords used within {@code unusedDays} (45). A password never used counts from its creation, so a user
 * created yesterday is not flagged.
 */
public final class PasswordUnusedRule extends BaseRule {
    public PasswordUnusedRule() {
        super(rule("IAM.USER.PASSWORD_UNUSED", "Console passwords unused for 45 days are disabled", Severity.MEDIUM)
                .wellArchitected("SEC02-BP05")
                .cis("v3.0", "1.12").cis("v5.0", "1.11").cis("v6.0", "2.11").securityHub("IAM.22", "IAM.8")
                .rationale("An unused password is attack surface with no business value.")
                .remediation("Delete the login profile (console password) of the user.")
                .needs(CREDENTIAL_REPORT).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        Instant asOf = ctx.asOf(s);
        int days = ctx.thresholds().unusedDays();
        return Evidence.users(s).filter(Evidence::console).filter(r -> idleDays(r, asOf) >= days)
                .map(r -> Evidence.user(r, "password last used " + Evidence.date(r.passwordLastUsed())
                        + (r.passwordLastUsed() == null ? ", set " + Evidence.date(since(r)) : "")
                        + " (" + idleDays(r, asOf) + " days >= " + days + ")"))
                .toList();
    }

    private static Instant since(CredentialReportRow r) {
        if (r.passwordLastUsed() != null) {
            return r.passwordLastUsed();
        }
        return r.passwordLastChanged() != null ? r.passwordLastChanged() : r.userCreationTime();
    }

    private static long idleDays(CredentialReportRow r, Instant asOf) {
        Instant since = since(r);
        return since == null ? Long.MAX_VALUE : Evidence.daysBetween(since, asOf);
    }
}

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
import java.util.Objects;
import java.util.stream.Stream;

import static io.iamaudit.analyze.DataSet.CREDENTIAL_REPORT;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** Users older than {@code unusedDays} with no password or key use in that time: candidates for deletion. */
public final class InactiveUserRule extends BaseRule {
    public InactiveUserRule() {
        super(rule("IAM.USER.INACTIVE", "No inactive IAM users", Severity.LOW)
                .wellArchitected("SEC02-BP05")
                .rationale("A user nobody uses is an identity nobody watches.")
                .remediation("Confirm with the owner, then delete the user (or disable its credentials first).")
                .needs(CREDENTIAL_REPORT).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        Instant asOf = ctx.asOf(s);
        int days = ctx.thresholds().unusedDays();
        return Evidence.users(s)
                .filter(r -> r.userCreationTime() != null && Evidence.daysBetween(r.userCreationTime(), asOf) >= days)
                .filter(r -> lastActivity(r) == null || Evidence.daysBetween(lastActivity(r), asOf) >= days)
                .map(r -> Evidence.user(r, "last activity " + Evidence.date(lastActivity(r)) + " (password or "
                        + "access key), user created " + Evidence.date(r.userCreationTime())))
                .toList();
    }

    private static Instant lastActivity(CredentialReportRow r) {
        return Stream.concat(Stream.of(r.passwordLastUsed()), r.accessKeys().stream().map(k -> k.lastUsedDate()))
                .filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
    }
}

package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Secret;
import io.iamaudit.stage.Severity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.iamaudit.analyze.DataSet.SECRETS;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * No secret left unused for N days ({@code secretUnusedDays}, default 90: Security Hub SecretsManager.3). Secrets
 * Manager keeps LastAccessedDate at day granularity and omits it for a secret never retrieved; such a secret counts
 * from its creation, so a new one is not flagged before it had the chance to be used.
 */
public final class SecretUnusedRule extends BaseRule {
    public SecretUnusedRule() {
        super(rule("IAM.SECRET.UNUSED", "No unused secrets", Severity.LOW)
                .wellArchitected("SEC02-BP03")
                .securityHub("SecretsManager.3")
                .rationale("A secret nobody retrieves is a credential nobody needs, still valid wherever it leaked.")
                .remediation("Confirm nothing uses it, revoke the credential it holds and delete the secret "
                        + "(DeleteSecret with a recovery window).")
                .needs(SECRETS).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        Instant asOf = ctx.asOf(s);
        int limit = ctx.thresholds().secretUnusedDays();
        return SecretChecks.each(s, secret -> unused(secret, asOf, limit));
    }

    private static Optional<Violation> unused(Secret secret, Instant asOf, int limit) {
        Instant since = secret.lastAccessedDate() != null ? secret.lastAccessedDate() : secret.createdDate();
        if (since == null) {
            return Optional.empty();
        }
        long days = SecretChecks.days(since, asOf);
        if (days <= limit) {
            return Optional.empty();
        }
        String evidence = secret.lastAccessedDate() != null
                ? "last accessed " + Evidence.date(secret.lastAccessedDate()) + " (" + days + " days ago)"
                : "never accessed since its creation " + Evidence.date(secret.createdDate()) + " (" + days
                + " days ago)";
        return Optional.of(SecretChecks.violation(secret, evidence));
    }
}

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
 * Every secret got a new value by rotation within N days ({@code secretRotationDays}, default 90: Security Hub
 * SecretsManager.4), whether or not rotation is switched on; a secret never rotated counts from its creation.
 */
public final class SecretRotatedRecentlyRule extends BaseRule {
    public SecretRotatedRecentlyRule() {
        super(rule("IAM.SECRET.ROTATED_RECENTLY", "Secrets rotated within 90 days", Severity.MEDIUM)
                .wellArchitected("SEC02-BP03")
                .securityHub("SecretsManager.4")
                .rationale("The longer a secret keeps one value, the more copies of it exist and the longer a leaked "
                        + "one works.")
                .remediation("Rotate the secret (RotateSecret) and keep rotation automatic on a schedule shorter "
                        + "than the threshold.")
                .needs(SECRETS).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        Instant asOf = ctx.asOf(s);
        int limit = ctx.thresholds().secretRotationDays();
        return SecretChecks.each(s, secret -> stale(secret, asOf, limit));
    }

    private static Optional<Violation> stale(Secret secret, Instant asOf, int limit) {
        Instant last = SecretChecks.lastRotatedOrCreated(secret);
        if (last == null) {
            // neither date: nothing to measure; the rotation-enabled rule still speaks for the secret
            return Optional.empty();
        }
        long age = SecretChecks.days(last, asOf);
        if (age <= limit) {
            return Optional.empty();
        }
        String since = secret.lastRotatedDate() != null ? "last rotated " + Evidence.date(secret.lastRotatedDate())
                : "never rotated, created " + Evidence.date(secret.createdDate());
        return Optional.of(SecretChecks.violation(secret, since + " (" + age + " days ago, limit " + limit + ")"));
    }
}

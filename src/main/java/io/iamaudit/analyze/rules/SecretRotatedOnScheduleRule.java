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
 * A secret with automatic rotation rotated within its own schedule (Security Hub SecretsManager.2, "rotate
 * successfully"): its last rotation (or creation, when it never rotated) is no older than its interval plus one day,
 * the longest rotation window AWS allows for a schedule in days. A secret whose interval AWS does not report (a
 * cron schedule) is left to the N-day rule.
 */
public final class SecretRotatedOnScheduleRule extends BaseRule {
    static final int WINDOW_DAYS = 1;

    public SecretRotatedOnScheduleRule() {
        super(rule("IAM.SECRET.ROTATION_ON_SCHEDULE", "Secrets with rotation rotate on schedule", Severity.MEDIUM)
                .wellArchitected("SEC02-BP03")
                .securityHub("SecretsManager.2")
                .rationale("Rotation that is configured but failing gives the look of rotated secrets without the "
                        + "substance: the old value stays valid.")
                .remediation("Check the rotation function's logs (CloudWatch) and the secret's versions, fix the "
                        + "rotation and rotate the secret (RotateSecret).")
                .needs(SECRETS).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        Instant asOf = ctx.asOf(s);
        return SecretChecks.each(s, secret -> overdue(secret, asOf));
    }

    private static Optional<Violation> overdue(Secret secret, Instant asOf) {
        Instant last = SecretChecks.lastRotatedOrCreated(secret);
        if (!secret.rotates() || secret.rotationIntervalDays() == null || last == null) {
            return Optional.empty();
        }
        long age = SecretChecks.days(last, asOf);
        if (age <= secret.rotationIntervalDays() + WINDOW_DAYS) {
            return Optional.empty();
        }
        return Optional.of(SecretChecks.violation(secret, "rotates every " + secret.rotationIntervalDays()
                + " days but last rotated " + Evidence.date(secret.lastRotatedDate()) + " (" + age + " days ago)"));
    }
}

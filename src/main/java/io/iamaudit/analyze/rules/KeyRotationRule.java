package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Severity;

import java.time.Instant;
import java.util.List;

import static io.iamaudit.analyze.DataSet.CREDENTIAL_REPORT;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** Active access keys are younger than {@code keyRotationDays} (90). One violation per key. */
public final class KeyRotationRule extends BaseRule {
    public KeyRotationRule() {
        super(rule("IAM.USER.KEY_ROTATION", "Access keys rotated within 90 days", Severity.MEDIUM)
                .wellArchitected("SEC02-BP05")
                .cis("v3.0", "1.14").cis("v5.0", "1.13").cis("v6.0", "2.13").securityHub("IAM.3")
                .rationale("The older a key, the more places it has been copied to.")
                .remediation("Create a new key, switch the consumer, deactivate and delete the old one; better, "
                        + "replace the key by a role.")
                .needs(CREDENTIAL_REPORT).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        Instant asOf = ctx.asOf(s);
        int max = ctx.thresholds().keyRotationDays();
        return Evidence.users(s).flatMap(r -> r.activeKeys().stream()
                .filter(k -> k.lastRotated() != null && Evidence.daysBetween(k.lastRotated(), asOf) > max)
                .map(k -> Evidence.user(r, "access key " + k.slot() + " created " + Evidence.date(k.lastRotated())
                        + " (" + Evidence.daysBetween(k.lastRotated(), asOf) + " days > " + max + ")")
                        .withSubject("access_key_" + k.slot())))
                .toList();
    }
}

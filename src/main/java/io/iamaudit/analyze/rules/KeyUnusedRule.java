package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.CredentialReportRow.AccessKeySlot;
import io.iamaudit.stage.Severity;

import java.time.Instant;
import java.util.List;

import static io.iamaudit.analyze.DataSet.CREDENTIAL_REPORT;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * Active access keys used within {@code unusedDays} (45); a never-used key counts from its creation. One violation
 * per key.
 */
public final class KeyUnusedRule extends BaseRule {
    public KeyUnusedRule() {
        super(rule("IAM.USER.KEY_UNUSED", "Access keys unused for 45 days are disabled", Severity.MEDIUM)
                .wellArchitected("SEC02-BP05")
                .cis("v3.0", "1.12").cis("v5.0", "1.11").cis("v6.0", "2.11").securityHub("IAM.22", "IAM.8")
                .rationale("An unused key is a credential waiting to leak.")
                .remediation("Deactivate the key, wait for complaints, then delete it.")
                .needs(CREDENTIAL_REPORT).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        Instant asOf = ctx.asOf(s);
        int days = ctx.thresholds().unusedDays();
        return Evidence.users(s).flatMap(r -> r.activeKeys().stream()
                .filter(k -> idle(k, asOf) >= days)
                .map(k -> Evidence.user(r, "access key " + k.slot() + " last used " + Evidence.date(k.lastUsedDate())
                                + ", created " + Evidence.date(k.lastRotated()) + " (" + idle(k, asOf) + " days idle)")
                        .withSubject("access_key_" + k.slot())))
                .toList();
    }

    private static long idle(AccessKeySlot k, Instant asOf) {
        Instant since = k.lastUsedDate() != null ? k.lastUsedDate() : k.lastRotated();
        return since == null ? Long.MAX_VALUE : Evidence.daysBetween(since, asOf);
    }
}

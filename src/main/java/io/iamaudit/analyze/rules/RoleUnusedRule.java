package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.IamRole;
import io.iamaudit.stage.Severity;

import java.time.Instant;
import java.util.List;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * Roles used within {@code roleUnusedDays} (90), by RoleLastUsed. Service-linked roles are left out: AWS owns their
 * lifecycle. A role younger than the window is not judged.
 */
public final class RoleUnusedRule extends BaseRule {
    public RoleUnusedRule() {
        super(rule("IAM.ROLE.UNUSED", "No roles unused for 90 days", Severity.LOW)
                .wellArchitected("SEC02-BP05", "SEC03-BP04")
                .rationale("Unused roles keep trust relationships and permissions alive for nobody.")
                .remediation("Confirm with the owner and delete the role (its trust policy first).")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        Instant asOf = ctx.asOf(s);
        int days = ctx.thresholds().roleUnusedDays();
        return Evidence.auth(s).roles().stream().filter(r -> !r.serviceLinked())
                .filter(r -> r.createDate() == null || Evidence.daysBetween(r.createDate(), asOf) >= days)
                .filter(r -> r.lastUsedDate() == null || Evidence.daysBetween(r.lastUsedDate(), asOf) >= days)
                .map(r -> violation(r)).toList();
    }

    private static Violation violation(IamRole r) {
        return Violation.of("Role", r.roleName(), r.arn(), "RoleLastUsed " + (r.lastUsedDate() == null
                ? "empty (not used in AWS's 400-day window)" : Evidence.date(r.lastUsedDate()))
                + ", created " + Evidence.date(r.createDate()));
    }
}

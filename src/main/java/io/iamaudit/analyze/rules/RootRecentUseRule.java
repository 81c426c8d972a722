package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.CredentialReportRow;
import io.iamaudit.stage.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.iamaudit.analyze.DataSet.CREDENTIAL_REPORT;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** The root user was not used (password or access key) in the last {@code rootRecentUseDays} days. */
public final class RootRecentUseRule extends BaseRule {
    public RootRecentUseRule() {
        super(rule("IAM.ROOT.RECENT_USE", "Root user not used recently", Severity.HIGH)
                .wellArchitected("SEC02-BP01")
                .cis("v3.0", "1.7").cis("v5.0", "1.6").cis("v6.0", "2.6")
                .rationale("Daily and administrative work belongs to federated or IAM identities; root use should "
                        + "be rare, planned and reviewed.")
                .remediation("Find out who used root and why (CloudTrail); move the task to a role, and keep root "
                        + "for the few tasks that require it.")
                .needs(CREDENTIAL_REPORT).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        CredentialReportRow root = Evidence.rootRow(s);
        Instant asOf = ctx.asOf(s);
        int days = ctx.thresholds().rootRecentUseDays();
        List<String> uses = new ArrayList<>();
        if (recent(root.passwordLastUsed(), asOf, days)) {
            uses.add("password last used " + Evidence.date(root.passwordLastUsed()));
        }
        root.accessKeys().stream().filter(k -> recent(k.lastUsedDate(), asOf, days))
                .forEach(k -> uses.add("access key " + k.slot() + " last used " + Evidence.date(k.lastUsedDate())));
        return uses.isEmpty() ? List.of()
                : List.of(Evidence.root(s, String.join("; ", uses) + " (within " + days + " days)"));
    }

    private static boolean recent(Instant used, Instant asOf, int days) {
        return used != null && Evidence.daysBetween(used, asOf) < days;
    }
}

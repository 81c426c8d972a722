package io.iamaudit.analyze;

import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Finding;

/**
 * Builds findings of one rule on one account. {@code firstSeen} is the collection time of this run; the store or
 * report keeps the earliest one per finding id across runs.
 */
public final class FindingFactory {
    private final AccountSnapshot snapshot;
    private final AnalysisContext ctx;
    private final RuleMetadata meta;

    public FindingFactory(AccountSnapshot snapshot, AnalysisContext ctx, RuleMetadata meta) {
        this.snapshot = snapshot;
        this.ctx = ctx;
        this.meta = meta;
    }

    public Finding fail(Violation v) {
        return build(v, Finding.Status.FAIL);
    }

    public Finding notEvaluated(String note) {
        String id = snapshot.account().accountId();
        return build(new Violation("Account", id, "arn:aws:iam::" + id + ":root", null, note,
                "Collect the missing data set (see the coverage sheet) and re-run."), Finding.Status.NOT_EVALUATED);
    }

    private Finding build(Violation v, Finding.Status status) {
        var account = snapshot.account();
        return new Finding(FindingIds.findingId(account.accountId(), meta.id(), v.principalArn(), v.subject()),
                ctx.runId(), account.accountId(), account.name(), account.ouPath(), v.principalType(),
                v.principalName(), v.principalArn(), meta.id(), meta.title(), meta.severity(), status,
                meta.wellArchitected(), meta.cisText(), meta.securityHubText(), v.evidence(),
                v.recommendation() != null ? v.recommendation() : meta.remediation(), ctx.asOf(snapshot),
                null, null, null);
    }
}

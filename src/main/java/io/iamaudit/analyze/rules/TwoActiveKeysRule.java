package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Severity;

import java.util.List;

import static io.iamaudit.analyze.DataSet.CREDENTIAL_REPORT;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** No user has two active access keys at once (the second is meant only for the moment of rotation). */
public final class TwoActiveKeysRule extends BaseRule {
    public TwoActiveKeysRule() {
        super(rule("IAM.USER.TWO_ACTIVE_KEYS", "Users have at most one active access key", Severity.MEDIUM)
                .wellArchitected("SEC02-BP02", "SEC02-BP05")
                .cis("v3.0", "1.13").cis("v5.0", "1.12").cis("v6.0", "2.12")
                .rationale("Two active keys double the exposure and usually mean a rotation that never finished.")
                .remediation("Deactivate, then delete, the key that is no longer used.")
                .needs(CREDENTIAL_REPORT).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return Evidence.users(s).filter(r -> r.activeKeys().size() > 1)
                .map(r -> Evidence.user(r, "access_key_1_active = true and access_key_2_active = true; last used "
                        + Evidence.date(r.accessKeys().get(0).lastUsedDate()) + " / "
                        + Evidence.date(r.accessKeys().get(1).lastUsedDate())))
                .toList();
    }
}

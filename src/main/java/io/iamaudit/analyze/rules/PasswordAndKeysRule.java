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

/** A user is either a person (console password) or a machine (access key), not both. */
public final class PasswordAndKeysRule extends BaseRule {
    public PasswordAndKeysRule() {
        super(rule("IAM.USER.PASSWORD_AND_KEYS", "Users do not have both a console password and access keys",
                Severity.MEDIUM)
                .wellArchitected("SEC02-BP02")
                .rationale("Mixing human and machine credentials on one identity makes both harder to govern "
                        + "and usually means a person's keys live in scripts.")
                .remediation("Split the identity: a federated login for the person, a role for the automation.")
                .needs(CREDENTIAL_REPORT).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return Evidence.users(s).filter(r -> Evidence.console(r) && !r.activeKeys().isEmpty())
                .map(r -> Evidence.user(r, "password_enabled = true and " + r.activeKeys().size()
                        + " active access key(s)"))
                .toList();
    }
}

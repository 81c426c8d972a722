package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Severity;

import java.util.List;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.DataSet.CREDENTIAL_REPORT;
import static io.iamaudit.analyze.DataSet.IDENTITY_PROVIDERS;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** Where federation serves the account, IAM users with console passwords are left-overs. */
public final class ConsoleUsersWithFederationRule extends BaseRule {
    public ConsoleUsersWithFederationRule() {
        super(rule("IAM.FEDERATION.CONSOLE_USERS", "No console IAM users where federation is available",
                Severity.MEDIUM)
                .wellArchitected("SEC02-BP04")
                .rationale("People should sign in through the central identity provider so that joiners, movers "
                        + "and leavers are handled in one place; a parallel IAM password escapes that.")
                .remediation("Move the person to the identity provider / IAM Identity Center and delete the IAM "
                        + "user's login profile.")
                .needs(CREDENTIAL_REPORT, IDENTITY_PROVIDERS, AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        List<String> federation = Federation.mechanisms(s);
        if (federation.isEmpty()) {
            return List.of();
        }
        return Evidence.users(s).filter(Evidence::console)
                .map(r -> Evidence.user(r, "console password while " + String.join(", ", federation)
                        + " serves the account"))
                .toList();
    }
}

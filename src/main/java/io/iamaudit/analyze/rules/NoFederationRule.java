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

/** People (console IAM users) use the account and no federation exists at all. */
public final class NoFederationRule extends BaseRule {
    public NoFederationRule() {
        super(rule("IAM.FEDERATION.NONE", "Human access is federated", Severity.MEDIUM)
                .wellArchitected("SEC02-BP04")
                .cis("v3.0", "1.21").cis("v5.0", "1.20").cis("v6.0", "2.20")
                .rationale("Without a centralized identity provider every account keeps its own people, "
                        + "passwords and MFA devices.")
                .remediation("Set up IAM Identity Center (or a SAML/OIDC provider) and move people to it.")
                .needs(CREDENTIAL_REPORT, IDENTITY_PROVIDERS, AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        long people = Evidence.users(s).filter(Evidence::console).count();
        if (people == 0 || !Federation.mechanisms(s).isEmpty()) {
            return List.of();
        }
        return List.of(Evidence.account(s, people + " console IAM user(s), no SAML/OIDC provider and no IAM "
                + "Identity Center roles"));
    }
}

package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Severity;

import java.util.List;
import java.util.Set;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * Roles trusting a SAML provider without a {@code SAML:aud} condition. AWS's console adds it (the sign-in endpoint
 * as audience); without it an assertion the identity provider issued for another service provider is accepted too.
 */
public final class TrustSamlAudienceRule extends BaseRule {
    private static final Set<String> AUDIENCE = Set.of("saml:aud");

    public TrustSamlAudienceRule() {
        super(rule("IAM.ROLE.TRUST_SAML_AUDIENCE", "SAML-federated roles require the SAML:aud audience",
                Severity.MEDIUM)
                .wellArchitected("SEC02-BP04", "SEC03-BP07")
                .rationale("Without SAML:aud the role accepts any assertion the identity provider signs, including "
                        + "ones meant for other applications.")
                .remediation("Add Condition StringEquals SAML:aud = https://signin.aws.amazon.com/saml (or the "
                        + "regional sign-in endpoint your provider posts to).")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return Evidence.auth(s).roles().stream().flatMap(r -> TrustPolicies.allowStatements(r).stream()
                        .filter(st -> !TrustPolicies.conditionUses(st, AUDIENCE))
                        .flatMap(st -> TrustPolicies.federatedPrincipals(st).stream())
                        .filter(p -> p.contains(":saml-provider/")).distinct()
                        .map(p -> Violation.of("Role", r.roleName(), r.arn(), "trusts SAML provider "
                                + p.substring(p.indexOf(":saml-provider/") + 15) + " without a SAML:aud condition")
                                .withSubject(p)))
                .toList();
    }
}

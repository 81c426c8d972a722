package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.policy.Statement;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.IamRole;
import io.iamaudit.stage.Severity;

import java.util.List;
import java.util.Optional;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * Roles trusting a shared OIDC issuer (GitHub Actions, GitLab, Terraform Cloud, Bitbucket, CircleCI, EKS) without
 * a {@code :sub} condition, or with one that leaves the owner open ({@code repo:*}): anyone with a pipeline or pod on
 * that issuer can assume them. The {@code :aud} condition alone does not help: every token of the issuer carries the
 * same audience.
 */
public final class TrustOidcSubjectRule extends BaseRule {
    public TrustOidcSubjectRule() {
        super(rule("IAM.ROLE.TRUST_OIDC_SUBJECT", "OIDC-federated roles name the subject they trust", Severity.HIGH)
                .wellArchitected("SEC03-BP07", "SEC02-BP04")
                .rationale("Tokens of " + String.join(", ", OidcProviders.labels()) + " are issued to every "
                        + "repository, project or workload on that issuer; without a specific sub condition any of "
                        + "them can assume the role.")
                .remediation("Add a StringEquals (or a StringLike naming your organization) condition on the "
                        + "provider's :sub claim, e.g. token.actions.githubusercontent.com:sub = "
                        + "repo:my-org/my-repo:ref:refs/heads/main.")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return Evidence.auth(s).roles().stream().flatMap(r -> TrustPolicies.allowStatements(r).stream()
                .flatMap(st -> TrustPolicies.federatedPrincipals(st).stream()
                        .flatMap(p -> problem(st, p).map(why -> violation(r, p, why)).stream())))
                .toList();
    }

    private static Optional<String> problem(Statement st, String principal) {
        Optional<OidcProviders.Known> known = OidcProviders.of(principal);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        String key = known.get().subjectKey();
        List<String> subjects = TrustPolicies.conditionValues(st, key);
        String issuer = known.get().provider().label;
        if (subjects.isEmpty()) {
            return Optional.of("trusts " + issuer + " (" + known.get().host() + ") without a " + key + " condition: "
                    + "any of its tokens can assume the role");
        }
        List<String> open = subjects.stream().filter(OidcProviders::openSubject).toList();
        return open.isEmpty() ? Optional.empty() : Optional.of("trusts " + issuer + " with the open subject "
                + String.join(", ", open) + " on " + key);
    }

    private static Violation violation(IamRole r, String principal, String why) {
        return Violation.of("Role", r.roleName(), r.arn(), why).withSubject(principal);
    }
}

package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.NotEvaluatedException;
import io.iamaudit.analyze.Violation;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.policy.Statement;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Secret;
import io.iamaudit.stage.Severity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static io.iamaudit.analyze.DataSet.SECRETS;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * No secret's resource policy allows anyone, or an account outside the organization, without a condition that
 * confines it. Read as role trust policies are ({@link TrustPolicies}): {@code Principal "*"} needs one of the
 * narrowing keys of {@link TrustAnyPrincipalRule}; a named account outside the organization needs
 * {@code aws:PrincipalOrgID} or {@code aws:PrincipalOrgPaths}. A policy that could not be read leaves the rule not
 * evaluated unless another secret fails it.
 */
public final class SecretPolicyExposureRule extends BaseRule {
    private static final Set<String> ORGANIZATION_KEYS = Set.of("aws:principalorgid", "aws:principalorgpaths");

    public SecretPolicyExposureRule() {
        super(rule("IAM.SECRET.POLICY_EXPOSED", "No secret readable from outside the organization", Severity.HIGH)
                .wellArchitected("SEC02-BP03", "SEC03-BP07")
                .rationale("A resource policy is the one way a secret is granted beyond its account: Principal * or "
                        + "a foreign account can read the credential without anyone inside having to leak it.")
                .remediation("Remove the statement, or confine it with an aws:PrincipalOrgID condition "
                        + "(PutResourcePolicy; BlockPublicPolicy refuses public policies).")
                .needs(SECRETS).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        String own = s.account().accountId();
        List<Violation> violations = SecretChecks.each(s, secret -> exposure(secret, own, ctx.organizationAccountIds()));
        List<String> unread = s.secrets().value().secrets().filter(secret -> secret.policyError() != null)
                .map(secret -> secret.name() + " (" + secret.region() + "): " + secret.policyError()).toList();
        if (violations.isEmpty() && !unread.isEmpty()) {
            throw new NotEvaluatedException(SECRETS, "resource policy not read for " + String.join("; ", unread));
        }
        return violations;
    }

    /** The first exposure a secret's policy has, as evidence (also the Secrets sheet's "Policy exposure"). */
    public static Optional<String> exposureOf(Secret secret, String ownAccount, Set<String> organization) {
        if (secret.resourcePolicy() == null || secret.resourcePolicy().isBlank()) {
            return Optional.empty();
        }
        List<Statement> allows;
        try {
            allows = PolicyDocument.parse(secret.resourcePolicy()).allows();
        } catch (IllegalArgumentException e) {
            return Optional.of("resource policy cannot be parsed: " + e.getMessage());
        }
        for (Statement st : allows) {
            List<String> principals = TrustPolicies.awsPrincipals(st);
            if (principals.contains("*") && !TrustPolicies.conditionUses(st, TrustAnyPrincipalRule.NARROWING_KEYS)) {
                return Optional.of("resource policy allows anyone (Principal *) without an account or organization "
                        + "condition");
            }
            if (!TrustPolicies.conditionUses(st, ORGANIZATION_KEYS)) {
                Optional<String> outside = principals.stream().map(TrustPolicies::accountOf).filter(Objects::nonNull)
                        .filter(a -> !a.equals(ownAccount) && !organization.contains(a)).findFirst();
                if (outside.isPresent()) {
                    return Optional.of("resource policy allows account " + outside.get()
                            + " (outside the organization) without aws:PrincipalOrgID");
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Violation> exposure(Secret secret, String own, Set<String> organization) {
        return exposureOf(secret, own, organization).map(evidence -> SecretChecks.violation(secret, evidence));
    }
}

package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.PolicySource;
import io.iamaudit.analyze.Violation;
import io.iamaudit.analyze.risk.ServiceGrants;
import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.AuthorizationDetails;
import io.iamaudit.stage.Severity;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * No policy (customer managed, AWS managed or inline) grants all of KMS or CloudTrail (Prowler's
 * iam_policy_no_full_access_to_kms / _cloudtrail and their inline variants): whoever holds it can decrypt everything,
 * or switch off the audit trail. "All of" is decided through the action model, so {@code *}, NotAction and broad
 * wildcards count as well as the literal {@code kms:*}.
 */
public final class CriticalServiceFullAccessRule extends BaseRule {
    static final List<String> CRITICAL = List.of("kms", "cloudtrail");

    public CriticalServiceFullAccessRule() {
        super(rule("IAM.POLICY.CRITICAL_SERVICE_FULL_ACCESS", "No policy grants all of KMS or CloudTrail",
                Severity.HIGH)
                .wellArchitected("SEC03-BP02")
                .rationale("All of KMS includes scheduling key deletion and changing key policies; all of "
                        + "CloudTrail includes stopping and deleting trails. Action \"*\" and NotAction grant them "
                        + "as surely as kms:*.")
                .remediation("Grant only the KMS or CloudTrail actions needed, on named keys or trails.")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        AuthorizationDetails auth = Evidence.auth(s);
        Stream<Violation> managed = auth.policies().stream().flatMap(p -> PolicySource.parse(p.defaultDocument())
                .flatMap(CriticalServiceFullAccessRule::grants)
                .map(g -> Violation.of("Policy", p.policyName(), p.arn(), g)).stream());
        Stream<Violation> inline = PrincipalPolicies.all(auth).flatMap(pp -> pp.sources().stream()
                .filter(src -> !src.managed())
                .flatMap(src -> src.parsed().flatMap(CriticalServiceFullAccessRule::grants)
                        .map(g -> pp.violation(src.label() + " " + g).withSubject(src.name())).stream()));
        return Stream.concat(managed, inline).distinct().toList();
    }

    private static Optional<String> grants(PolicyDocument doc) {
        String found = CRITICAL.stream().flatMap(svc -> ServiceGrants.allOf(doc, svc, ActionCatalog.bundled())
                        .map(how -> "grants all of " + svc + " (" + how + ")").stream())
                .collect(Collectors.joining("; "));
        return found.isEmpty() ? Optional.empty() : Optional.of(found);
    }
}

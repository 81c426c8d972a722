package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Severity;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * Users and roles carry the tag keys ABAC relies on ({@code requiredTags}). With no keys configured the rule has
 * nothing to require and passes. Service-linked and Identity Center roles are not taggable by the customer.
 */
public final class RequiredTagsRule extends BaseRule {
    public RequiredTagsRule() {
        super(rule("IAM.PRINCIPAL.REQUIRED_TAGS", "Users and roles carry the required ABAC tags", Severity.LOW)
                .wellArchitected("SEC02-BP06")
                .rationale("Attribute-based access control only works when every principal carries its attributes.")
                .remediation("Tag the principal with the missing keys (from the identity provider's attributes "
                        + "for federated sessions).")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        List<String> required = ctx.thresholds().requiredTags();
        if (required.isEmpty()) {
            return List.of();
        }
        Stream<Violation> users = Evidence.auth(s).users().stream()
                .flatMap(u -> missing(u.tags(), required).map(m -> Violation.of("User", u.userName(), u.arn(), m)));
        Stream<Violation> roles = Evidence.auth(s).roles().stream()
                .filter(r -> !r.serviceLinked() && !r.identityCenterReserved())
                .flatMap(r -> missing(r.tags(), required).map(m -> Violation.of("Role", r.roleName(), r.arn(), m)));
        return Stream.concat(users, roles).toList();
    }

    private static Stream<String> missing(Map<String, String> tags, List<String> required) {
        List<String> absent = required.stream().filter(k -> !tags.containsKey(k)).toList();
        return absent.isEmpty() ? Stream.empty() : Stream.of("missing tag(s): " + String.join(", ", absent));
    }
}

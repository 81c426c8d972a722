package io.iamaudit.report;

import io.iamaudit.stage.PolicyRefs.AttachedPolicy;
import io.iamaudit.stage.PolicyRefs.InlinePolicy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Extractors of the Principals table, by template column key. */
final class PrincipalColumns {
    private PrincipalColumns() {
    }

    static Map<String, Function<? super PrincipalRow, ?>> extractors() {
        Map<String, Function<? super PrincipalRow, ?>> m = new LinkedHashMap<>();
        m.put("account_id", PrincipalRow::accountId);
        m.put("account_name", PrincipalRow::accountName);
        m.put("principal_type", PrincipalRow::principalType);
        m.put("name", p -> ConsoleLinks.principal(p.principalType(), p.name(), p.arn()));
        m.put("arn", PrincipalRow::arn);
        m.put("path", PrincipalRow::path);
        m.put("created", PrincipalRow::created);
        m.put("last_used", PrincipalRow::lastUsed);
        m.put("days_since_last_use", PrincipalRow::daysSinceLastUse);
        m.put("attached_policies", p -> Texts.list(p.attachedPolicies().stream().map(AttachedPolicy::policyName)
                .toList()));
        m.put("inline_policies", p -> Texts.list(p.inlinePolicies().stream().map(InlinePolicy::policyName).toList()));
        m.put("groups", p -> Texts.list(p.groups()));
        m.put("permissions_boundary", PrincipalRow::permissionsBoundaryArn);
        m.put("tags", p -> Texts.map(p.tags()));
        return m;
    }
}

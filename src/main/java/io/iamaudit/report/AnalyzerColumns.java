package io.iamaudit.report;

import io.iamaudit.stage.AccessAnalyzerState.AnalyzerFinding;
import io.iamaudit.stage.AccessAnalyzerState.UnusedPermission;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Extractors of the Access Analyzer table, by template column key. Key ids appear only by their last four. */
final class AnalyzerColumns {
    private AnalyzerColumns() {
    }

    static Map<String, Function<? super AnalyzerFindingRow, ?>> extractors() {
        Map<String, Function<? super AnalyzerFindingRow, ?>> m = new LinkedHashMap<>();
        m.put("account_id", AnalyzerFindingRow::accountId);
        m.put("finding_id", r -> r.finding().id());
        m.put("finding_type", r -> r.finding().findingType());
        m.put("resource", r -> r.finding().resource());
        m.put("resource_type", r -> r.finding().resourceType());
        m.put("resource_owner", r -> r.finding().resourceOwnerAccount());
        m.put("status", r -> r.finding().status());
        m.put("external_principal", r -> Texts.map(r.finding().principal()));
        m.put("actions", r -> Texts.list(r.finding().actions()));
        m.put("is_public", r -> Texts.yesNo(r.finding().isPublic()));
        m.put("unused_permissions", r -> unused(r.finding()));
        m.put("access_key", r -> SafeText.maskAccessKeyId(r.finding().accessKeyId()));
        m.put("last_accessed", r -> r.finding().lastAccessed());
        m.put("created", r -> r.finding().createdAt());
        m.put("updated", r -> r.finding().updatedAt());
        m.put("analyzer", r -> r.finding().analyzerArn());
        return m;
    }

    /** {@code s3 (all actions); iam: CreateUser, DeleteUser} — a service with no listed actions is wholly unused. */
    private static String unused(AnalyzerFinding finding) {
        return Texts.list(finding.unusedPermissions().stream().map(AnalyzerColumns::unused).toList());
    }

    private static String unused(UnusedPermission p) {
        if (p.actions().isEmpty()) {
            return p.serviceNamespace() + " (all actions)";
        }
        return p.serviceNamespace() + ": " + String.join(", ", p.actions().stream().map(a -> a.action()).toList());
    }
}

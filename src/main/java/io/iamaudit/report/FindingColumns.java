package io.iamaudit.report;

import io.iamaudit.analyze.RuleDisplay;
import io.iamaudit.analyze.RuleDisplays;
import io.iamaudit.stage.Finding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Extractors of the Findings table, by template column key. */
final class FindingColumns {
    private FindingColumns() {
    }

    static Map<String, Function<? super Finding, ?>> extractors() {
        Map<String, Function<? super Finding, ?>> m = new LinkedHashMap<>();
        m.put("finding_id", Finding::findingId);
        m.put("account_id", Finding::accountId);
        m.put("account_name", Finding::accountName);
        m.put("ou_path", Finding::ouPath);
        m.put("principal_type", f -> PrincipalTypes.label(f.principalType()));
        m.put("principal_name", f -> ConsoleLinks.principal(f.principalType(), f.principalName(), f.principalArn()));
        m.put("principal_arn", Finding::principalArn);
        m.put("rule_id", Finding::ruleId);
        m.put("title", FindingColumns::title);
        m.put("severity", f -> f.severity() == null ? null : f.severity().name());
        m.put("status", f -> f.status() == null ? null : f.status().name());
        m.put("well_architected", f -> Texts.list(f.wellArchitected()));
        m.put("cis", Finding::cis);
        m.put("security_hub", Finding::securityHub);
        m.put("soc2", f -> mapping(f, RuleDisplay::soc2));
        m.put("iso27001", f -> mapping(f, RuleDisplay::iso27001));
        m.put("nist_800_53", f -> mapping(f, RuleDisplay::nist80053));
        m.put("evidence", Finding::evidence);
        m.put("recommendation", Finding::recommendation);
        m.put("first_seen", Finding::firstSeen);
        m.put("exception_owner", Finding::exceptionOwner);
        m.put("exception_expiry", Finding::exceptionExpiry);
        m.put("exception_note", Finding::exceptionNote);
        return m;
    }

    /**
     * What is wrong for a failed or excepted finding ("Root user used recently"); the control's desired state for
     * one not evaluated, where nothing is known to be wrong.
     */
    static String title(Finding f) {
        RuleDisplays displays = RuleDisplays.standard();
        return f.status() == Finding.Status.NOT_EVALUATED ? displays.controlTitle(f.ruleId(), f.title())
                : displays.failureTitle(f.ruleId(), f.title());
    }

    private static String mapping(Finding f, Function<RuleDisplay, List<String>> framework) {
        return RuleDisplays.standard().of(f.ruleId()).map(framework).map(Texts::list).orElse(null);
    }
}

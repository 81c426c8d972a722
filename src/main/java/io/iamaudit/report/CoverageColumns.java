package io.iamaudit.report;

import io.iamaudit.stage.AccountCoverage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Extractors of the Coverage and Controls tables, by template column key. */
final class CoverageColumns {
    private CoverageColumns() {
    }

    static Map<String, Function<? super AccountCoverage, ?>> coverage() {
        Map<String, Function<? super AccountCoverage, ?>> m = new LinkedHashMap<>();
        m.put("account_id", AccountCoverage::accountId);
        m.put("account_name", AccountCoverage::accountName);
        m.put("ou_path", AccountCoverage::ouPath);
        m.put("status", c -> c.status() == null ? null : c.status().name());
        m.put("reason", AccountCoverage::reason);
        m.put("collected_at", AccountCoverage::collectedAt);
        m.put("aws_calls", AccountCoverage::totalCalls);
        m.put("aws_calls_detail", c -> Texts.map(c.awsCalls()));
        return m;
    }

    static Map<String, Function<? super ControlRow, ?>> controls() {
        Map<String, Function<? super ControlRow, ?>> m = new LinkedHashMap<>();
        m.put("account_id", c -> c.outcome().accountId());
        m.put("account_name", ControlRow::accountName);
        m.put("rule_id", c -> c.outcome().ruleId());
        m.put("outcome", c -> c.outcome().outcome() == null ? null : c.outcome().outcome().name());
        m.put("findings", c -> c.outcome().findings());
        m.put("note", c -> c.outcome().note());
        return m;
    }
}

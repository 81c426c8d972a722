package io.iamaudit.report;

import io.iamaudit.stage.AccountCoverage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Extractors of the Coverage and Controls tables, by template column key. */
final class CoverageColumns {
    private CoverageColumns() {
    }

    static Map<String, Function<? super CoverageRow, ?>> coverage() {
        Map<String, Function<? super CoverageRow, ?>> m = new LinkedHashMap<>();
        m.put("account_id", r -> r.coverage().accountId());
        m.put("account_name", r -> r.coverage().accountName());
        m.put("ou_path", r -> r.coverage().ouPath());
        m.put("status", r -> r.coverage().status() == null ? null : r.coverage().status().name());
        m.put("reason", r -> r.coverage().reason());
        m.put("collected_at", r -> r.coverage().collectedAt());
        m.put("aws_calls", r -> r.coverage().totalCalls());
        m.put("rule_errors", CoverageRow::ruleErrors);
        m.put("aws_calls_detail", r -> Texts.map(r.coverage().awsCalls()));
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

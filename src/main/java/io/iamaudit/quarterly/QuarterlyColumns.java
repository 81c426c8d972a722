package io.iamaudit.quarterly;

import io.iamaudit.report.CellType;
import io.iamaudit.report.Column;
import io.iamaudit.report.ColumnSpec;
import io.iamaudit.report.Table;
import io.iamaudit.report.TableSpec;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Binds the template's "Findings at quarter end" columns to a {@link FindingState}. Unlike the nightly tables the
 * auditor columns have values here (carried forward from last quarter), so the binding is done here rather than
 * with {@link Table#bind}, which keeps auditor columns empty.
 */
final class QuarterlyColumns {
    private QuarterlyColumns() {
    }

    static Table<FindingState> findings(TableSpec spec, QuarterlyTemplate.States states, LocalDate asOf) {
        Map<String, Function<? super FindingState, ?>> m = new LinkedHashMap<>();
        m.put("finding_id", FindingState::findingId);
        m.put("state", f -> states.label(f.state()));
        m.put("severity", f -> f.severity() == null ? null : f.severity().name());
        m.put("rule_id", f -> f.last().ruleId());
        m.put("title", f -> f.last().title());
        m.put("account_id", f -> f.last().accountId());
        m.put("account_name", f -> f.last().accountName());
        m.put("principal_type", f -> f.last().principalType());
        m.put("principal_name", f -> f.last().principalName());
        m.put("principal_arn", f -> f.last().principalArn());
        m.put("well_architected", f -> f.last().wellArchitected());
        m.put("cis", f -> f.last().cis());
        m.put("security_hub", f -> f.last().securityHub());
        m.put("recommendation", f -> f.last().recommendation());
        m.put("first_seen", FindingState::firstSeen);
        m.put("last_seen", FindingState::lastSeen);
        m.put("resolved", FindingState::resolved);
        m.put("days_open", f -> f.daysOpen(asOf));
        m.put("runs_seen", f -> (long) f.runsSeen());
        m.put("last_status", f -> f.last().status());
        m.put("evidence", f -> f.last().evidence());
        m.put("exception_owner", f -> f.last().exceptionOwner());
        m.put("exception_expiry", f -> f.last().exceptionExpiry());
        m.put("reviewer", f -> f.carried().reviewer());
        m.put("decision", f -> f.carried().decision());
        m.put("ticket", f -> f.carried().ticket());
        m.put("due_date", f -> f.carried().dueDate());
        m.put("justification", f -> f.carried().justification());
        m.put("sign_off_date", f -> null);
        List<Column<FindingState>> columns = new ArrayList<>();
        for (ColumnSpec column : spec.columns()) {
            if (!m.containsKey(column.key())) {
                throw new IllegalStateException("quarterly template, table '" + spec.key() + "': unknown column '"
                        + column.key() + "' (known: " + m.keySet() + ")");
            }
            columns.add(new Column<>(column, m.get(column.key())));
        }
        return new Table<>(spec, columns);
    }

    /** A code-defined column (the sheets whose columns depend on the data, such as one per best practice). */
    static <R> Column<R> column(String key, String header, CellType type, int width, Function<? super R, ?> value) {
        return new Column<>(new ColumnSpec(key, header, type, width, false), value);
    }

    /** A code-defined column left off the printed page (see {@link io.iamaudit.report.PrintLayout}). */
    static <R> Column<R> screenOnly(String key, String header, CellType type, int width,
                                    Function<? super R, ?> value) {
        return new Column<>(new ColumnSpec(key, header, type, width, false, false, false), value);
    }
}

package io.iamaudit.report;

import io.iamaudit.analyze.RuleDisplay;
import io.iamaudit.stage.AccountCoverage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The columns of the control matrix, which depend on the accounts in scope: fixed ones first, one per account, the
 * totals, then the mappings (on screen and in the csv, outside the print area).
 */
final class ControlMatrixTable {
    static final String SHEET = "Control matrix";
    static final String CSV = "control-matrix.csv";

    private ControlMatrixTable() {
    }

    static Table<ControlMatrix.Row> of(List<AccountCoverage> coverage) {
        List<Column<ControlMatrix.Row>> c = new ArrayList<>();
        c.add(column("rule_id", "Rule", CellType.TEXT, 27, true, true, ControlMatrix.Row::ruleId));
        c.add(column("control", "Control", CellType.TEXT, 32, true, true, ControlMatrix.Row::control));
        c.add(column("severity", "Severity", CellType.TEXT, 13, true, false, ControlMatrix.Row::severity));
        for (AccountCoverage account : coverage) {
            String name = account.accountName() == null ? account.accountId()
                    : account.accountName() + " (" + account.accountId() + ")";
            // "NOT EVALUATED" (13 capitals) fits on one line: the cells never wrap, only the header does
            c.add(column("account_" + account.accountId(), name, CellType.TEXT, 15, true, false,
                    r -> r.cells().get(account.accountId())));
        }
        c.add(column("pass", "Accounts passing", CellType.INTEGER, 9, true, false, ControlMatrix.Row::pass));
        c.add(column("fail", "Accounts failing", CellType.INTEGER, 9, true, false, ControlMatrix.Row::fail));
        c.add(column("excepted", "Accounts excepted", CellType.INTEGER, 9, true, false, ControlMatrix.Row::excepted));
        c.add(column("not_evaluated", "Accounts not evaluated", CellType.INTEGER, 10, true, false,
                ControlMatrix.Row::notEvaluated));
        c.add(column("fail_findings", "FAIL findings", CellType.INTEGER, 9, true, false,
                ControlMatrix.Row::failFindings));
        c.add(column("soc2", "SOC 2 (TSC 2017)", CellType.TEXT, 12, false, false, r -> mapping(r, RuleDisplay::soc2)));
        c.add(column("iso27001", "ISO/IEC 27001:2022", CellType.TEXT, 14, false, false,
                r -> mapping(r, RuleDisplay::iso27001)));
        c.add(column("nist_800_53", "NIST SP 800-53 r5", CellType.TEXT, 16, false, false,
                r -> mapping(r, RuleDisplay::nist80053)));
        c.add(column("cis", "CIS", CellType.TEXT, 18, false, false, ControlMatrix.Row::cis));
        return new Table<>(new TableSpec("control_matrix", SHEET, CSV, c.stream().map(Column::spec).toList()), c);
    }

    private static String mapping(ControlMatrix.Row row, Function<RuleDisplay, List<String>> framework) {
        return row.display() == null ? null : Texts.list(framework.apply(row.display()));
    }

    private static Column<ControlMatrix.Row> column(String key, String header, CellType type, int width,
                                                    boolean print, boolean wrap,
                                                    Function<? super ControlMatrix.Row, ?> value) {
        return new Column<>(new ColumnSpec(key, header, type, width, false, print, wrap), value);
    }
}

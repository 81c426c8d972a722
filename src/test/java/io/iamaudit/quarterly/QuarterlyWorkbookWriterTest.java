package io.iamaudit.quarterly;

import io.iamaudit.publish.OutputLocation;
import io.iamaudit.publish.RunStore;
import io.iamaudit.report.WorkbookLimits;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.iamaudit.quarterly.QuarterFixture.NIGHTLY;
import static io.iamaudit.quarterly.QuarterFixture.Q4;
import static io.iamaudit.quarterly.QuarterFixture.TEMPLATE;
import static org.assertj.core.api.Assertions.assertThat;

/** The quarterly tables go through the nightly table writer, so a table past the row limit continues like nightly's. */
class QuarterlyWorkbookWriterTest {

    @TempDir
    static Path temp;
    static QuarterlyContext context;
    static QuarterlyTables tables;

    @BeforeAll
    static void readTheQuarter() throws IOException {
        Path store = QuarterFixture.folderStore(temp.resolve("store"), temp.resolve("work"));
        QuarterReader reader = new QuarterReader(RunStore.at(OutputLocation.parse(store.toString()), null),
                store.toString(), NIGHTLY, temp.resolve("downloads"));
        QuarterHistory history = reader.read(reader.plan(Q4));
        context = new QuarterlyContext(history, QuarterFixture.FINAL.instant(), "test", null, 0, false);
        tables = new QuarterlyTables(TEMPLATE, history, context.builtOn());
    }

    @Test
    void aFindingsTablePastTheRowLimitContinuesInANumberedSheet() throws IOException {
        // given: sheets of a header and two rows
        int findings = context.history().findings().size();
        assertThat(findings).as("the fixture needs more findings than one small sheet holds").isGreaterThan(2);
        Path file = temp.resolve("small.xlsx");

        // when
        Map<String, Long> rows = new QuarterlyWorkbookWriter(NIGHTLY, TEMPLATE, new WorkbookLimits(100, 3))
                .write(context, tables, file);

        // then: every finding is written once, two per sheet, in "Name", "Name (2)", ...
        String name = TEMPLATE.findings().sheet();
        List<String> findingSheets = rows.keySet().stream().filter(s -> s.startsWith(name)).toList();
        assertThat(findingSheets).hasSize((findings + 1) / 2);
        assertThat(findingSheets.get(1)).isEqualTo(name + " (2)");
        assertThat(findingSheets.stream().mapToLong(rows::get).sum()).isEqualTo(findings);
        assertThat(sheetNames(file)).containsAll(rows.keySet());
    }

    @Test
    void aTableWithinTheLimitIsOneSheet() throws IOException {
        Path file = temp.resolve("excel.xlsx");

        Map<String, Long> rows = new QuarterlyWorkbookWriter(NIGHTLY, TEMPLATE).write(context, tables, file);

        assertThat(rows).containsOnlyKeys(TEMPLATE.findings().sheet(), tables.trend.sheetName(),
                tables.accounts.sheetName(), tables.runs.sheetName());
        assertThat(rows.get(TEMPLATE.findings().sheet())).isEqualTo(context.history().findings().size());
        assertThat(sheetNames(file)).containsExactly(TEMPLATE.sheets().summary(), TEMPLATE.findings().sheet(),
                tables.trend.sheetName(), tables.accounts.sheetName(), tables.runs.sheetName());
    }

    private static List<String> sheetNames(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            List<String> names = new ArrayList<>();
            workbook.forEach(s -> names.add(s.getSheetName()));
            return names;
        }
    }
}

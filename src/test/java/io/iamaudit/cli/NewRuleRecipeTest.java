package io.iamaudit.cli;

import io.iamaudit.analyze.run.AccountAnalysis;
import io.iamaudit.analyze.run.AccountAnalyzer;
import io.iamaudit.analyze.RuleCatalog;
import io.iamaudit.analyze.SnapshotFixtures;
import io.iamaudit.analyze.leastprivilege.LeastPrivilegeEngine;
import io.iamaudit.analyze.rules.Rules;
import io.iamaudit.analyze.rules.TemporaryUserRule;
import io.iamaudit.report.InMemoryStagingRepository;
import io.iamaudit.report.ReportGenerator;
import io.iamaudit.report.ReportTemplate;
import io.iamaudit.report.WorkbookLimits;
import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AccountRef;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.AuditRun;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.iamaudit.analyze.SnapshotFixtures.daysAgo;
import static io.iamaudit.analyze.SnapshotFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Architecture recipe for a rule, proved: a rule class written in {@code analyze/rules} and added to the
 * rule list ({@link TemporaryUserRule}; here the list is {@link Rules#all()} plus that rule, which is what the one
 * line in {@code Rules.all()} gives) appears in the {@code rules} command and in the reports (the workbook's
 * Controls sheet and the findings csv) with no change to any other package.
 */
class NewRuleRecipeTest {

    private static final String RUN_ID = "20261128T210000Z-abcd";
    private static final RuleCatalog CATALOG = new RuleCatalog(
            Stream.concat(Rules.all().stream(), Stream.of(new TemporaryUserRule())).toList());

    @Test
    void theRulesCommandListsTheNewRule() {
        StringWriter out = new StringWriter();
        int code = IamAuditCli.run(new String[]{"rules", "--format", "csv"}, new PrintWriter(out),
                new PrintWriter(new StringWriter()), new CommandLine.IFactory() {
                    @Override
                    public <K> K create(Class<K> type) throws Exception {
                        return type == RulesCommand.class ? type.cast(new RulesCommand(CATALOG))
                                : CommandLine.defaultFactory().create(type);
                    }
                });

        assertThat(code).isZero();
        assertThat(out.toString().lines()).anySatisfy(line -> assertThat(line)
                .startsWith(TemporaryUserRule.ID + ",").contains("No users named as temporary"));
    }

    @Test
    void theNewRulesFindingsAndControlReachTheReports(@TempDir Path folder) throws Exception {
        // given: one audited account with a temporary user and a look-alike that must not be flagged
        AccountSnapshot snapshot = SnapshotFixtures.clean()
                .withUser(user("temp-contractor").created(daysAgo(30)))
                .withUser(user("template-owner").created(daysAgo(30)))
                .build();
        String account = snapshot.account().accountId();
        InMemoryStagingRepository staging = new InMemoryStagingRepository();
        staging.saveRun(new AuditRun(RUN_ID, "account-audit", daysAgo(0), null, null,
                "arn:aws:sts::" + account + ":assumed-role/IamAuditRole/x", Map.of(), AuditRun.Status.ANALYZED));
        staging.saveAccounts(RUN_ID, List.of(new AccountRef(account, "recipe", null, "ACTIVE", "Root", Map.of())));
        staging.saveCoverage(new AccountCoverage(RUN_ID, account, "recipe", "Root", AccountCoverage.Status.AUDITED,
                "", daysAgo(0), Map.of()));
        staging.saveSnapshot(RUN_ID, snapshot);

        // when: the analyzer runs the catalog and the report step writes the run
        AccountAnalysis analysis = new AccountAnalyzer(CATALOG, new LeastPrivilegeEngine())
                .analyze(snapshot, SnapshotFixtures.context());
        staging.replaceAnalysis(RUN_ID, account, analysis.findings(), analysis.outcomes(), analysis.recommendations());
        new ReportGenerator(ReportTemplate.loadDefault(), WorkbookLimits.excel(), SnapshotFixtures.CLOCK)
                .generate(staging, RUN_ID, folder, CATALOG.version());

        // then: the findings csv has the temporary user under the new rule, and not its look-alike
        List<String> findings = Files.readAllLines(folder.resolve("csv/findings.csv")).stream()
                .filter(l -> l.contains(TemporaryUserRule.ID)).toList();
        assertThat(findings).singleElement().satisfies(l -> assertThat(l).contains("temp-contractor"));
        assertThat(findings).noneSatisfy(l -> assertThat(l).contains("template-owner"));
        // and the workbook's Controls sheet has the rule's control for the account
        assertThat(controlsSheetRows(folder)).anySatisfy(row -> assertThat(row)
                .contains(TemporaryUserRule.ID, account, "FAIL", "1"));
    }

    private static List<List<String>> controlsSheetRows(Path folder) throws Exception {
        Path workbook;
        try (Stream<Path> files = Files.list(folder)) {
            workbook = files.filter(f -> f.toString().endsWith(".xlsx")).findFirst().orElseThrow();
        }
        List<List<String>> rows = new ArrayList<>();
        DataFormatter text = new DataFormatter();
        try (InputStream in = Files.newInputStream(workbook); Workbook book = new XSSFWorkbook(in)) {
            Sheet controls = book.getSheet("Controls");
            assertThat(controls).as("Controls sheet").isNotNull();
            for (Row row : controls) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(text.formatCellValue(c)));
                rows.add(cells);
            }
        }
        return rows;
    }
}

package io.iamaudit.quarterly;

import io.iamaudit.publish.FolderPublisher;
import io.iamaudit.publish.Publisher;
import io.iamaudit.publish.RunPublisher;
import io.iamaudit.report.CsvReportWriter;
import io.iamaudit.report.ReportBundle;
import io.iamaudit.report.ReportContext;
import io.iamaudit.report.ReportFile;
import io.iamaudit.report.ReportTables;
import io.iamaudit.report.ReportTemplate;
import io.iamaudit.report.TableRows;
import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AuditRun;
import io.iamaudit.stage.Finding;
import io.iamaudit.stage.Severity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A synthetic store for 2026-Q4, published with the project's own {@link CsvReportWriter} and {@link RunPublisher}:
 * <ul>
 *   <li>2026-09-30: a run before the quarter (its finding {@code f-old} must not appear);</li>
 *   <li>10-05, 10-07: {@code f-resolved} (A, HIGH), {@code f-open} (B, CRITICAL), {@code f-exc} (A, EXCEPTED);</li>
 *   <li>10-14: A audited without {@code f-resolved} (resolved that day); B failed, so {@code f-open} stays open;</li>
 *   <li>10-21: findings.csv damaged after publishing (it would reopen {@code f-resolved}): skipped;</li>
 *   <li>11-04: {@code f-open}, {@code f-exc} and the new {@code f-new} (A, LOW); the last run used;</li>
 *   <li>11-10: a run folder without manifest (publishing never finished); 11-11: an account-audit run;
 *       11-12: a run of another organization (all three skipped).</li>
 *   <li>Account {@code C} is skipped (suspended) by every organization run: never audited in the quarter.</li>
 * </ul>
 */
final class QuarterFixture {
    static final Quarter Q4 = Quarter.parse("2026-Q4");
    static final String ORG = "o-quarter0001";
    static final String A = "111111111111";
    static final String B = "222222222222";
    /** Suspended: skipped by every run, so never audited in the quarter (an evidence gap, not a clean account). */
    static final String C = "333333333333";
    static final String FORMULA_PRINCIPAL = "=HYPERLINK(\"http://evil\")";
    static final ReportTemplate NIGHTLY = ReportTemplate.loadDefault();
    static final QuarterlyTemplate TEMPLATE = QuarterlyTemplate.loadDefault();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T22:00:00Z"), ZoneOffset.UTC);
    /** When the scheduled report runs, the first day of the next quarter: the final report. */
    static final Clock FINAL = Clock.fixed(Instant.parse("2027-01-01T06:00:00Z"), ZoneOffset.UTC);
    /** Saturday 2026-11-28, mid-quarter (week 48 not over yet): a preliminary report. */
    static final Clock PRELIMINARY = CLOCK;

    private QuarterFixture() {
    }

    /** Publishes the whole quarter into {@code publisher}; {@code work} holds the local report folders. */
    static void publishQuarter(Publisher publisher, Path work) {
        RunPublisher runs = new RunPublisher(publisher, CLOCK);
        runs.publish(run(work, "r0-sep30", "2026-09-30", "org-audit", List.of(finding("f-old", A, Severity.LOW,
                Finding.Status.FAIL, "SEC02-BP01")), audited(A, B)));
        List<Finding> early = List.of(
                finding("f-resolved", A, Severity.HIGH, Finding.Status.FAIL, "SEC02-BP01"),
                finding("f-open", B, Severity.CRITICAL, Finding.Status.FAIL, "SEC02-BP02"),
                finding("f-exc", A, Severity.MEDIUM, Finding.Status.EXCEPTED, "SEC02-BP06"));
        runs.publish(run(work, "r1-oct05", "2026-10-05", "org-audit", early, audited(A, B)));
        runs.publish(run(work, "r2-oct07", "2026-10-07", "org-audit", early, audited(A, B)));
        runs.publish(run(work, "r3-oct14", "2026-10-14", "org-audit",
                List.of(finding("f-exc", A, Severity.MEDIUM, Finding.Status.EXCEPTED, "SEC02-BP06")),
                List.of(coverage(A, AccountCoverage.Status.AUDITED), coverage(B, AccountCoverage.Status.FAILED))));
        runs.publish(run(work, "r4-oct21", "2026-10-21", "org-audit", early, audited(A, B)));
        runs.publish(run(work, "r5-nov04", "2026-11-04", "org-audit", List.of(
                finding("f-open", B, Severity.CRITICAL, Finding.Status.FAIL, "SEC02-BP02"),
                finding("f-exc", A, Severity.MEDIUM, Finding.Status.EXCEPTED, "SEC02-BP06"),
                finding("f-new", A, Severity.LOW, Finding.Status.FAIL, "SEC02-BP01")), audited(A, B)));
        runs.publish(run(work, "r7-nov11", "2026-11-11", "account-audit", List.of(), audited(A)));
        ReportBundle stray = run(work, "r8-nov12", "2026-11-12", "org-audit", List.of(), audited(A, B));
        AuditRun other = stray.context().run();
        runs.publish(new ReportBundle(new ReportContext(new AuditRun(other.runId(), other.kind(), other.startedAt(),
                "o-other", other.managementAccountId(), other.callerArn(), other.parameters(), other.status()),
                2, stray.context().coverage(), other.startedAt(), "test", "rules-2026.10"), stray.directory(),
                stray.files()));
    }

    /** The store-level damage a folder store can show: a changed csv and an unfinished run. */
    static void damageFolderStore(Path root) throws IOException {
        Files.writeString(root.resolve("runs/2026/10/21/r4-oct21/csv/findings.csv"), "tampered\r\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Path unfinished = Files.createDirectories(root.resolve("runs/2026/11/10/r6-nov10/csv"));
        Files.writeString(unfinished.resolve("findings.csv"), "Finding id\r\n");
    }

    static ReportBundle run(Path work, String runId, String day, String kind, List<Finding> findings,
                            List<AccountCoverage> coverage) {
        Instant started = LocalDate.parse(day).atTime(21, 0).toInstant(ZoneOffset.UTC);
        AuditRun run = new AuditRun(runId, kind, started, ORG, A, "arn:aws:iam::" + A + ":role/iam-audit",
                Map.of("roleName", "IamAuditRole"), AuditRun.Status.REPORTED);
        List<Finding> rows = findings.stream().map(f -> withRun(f, runId, started)).toList();
        List<AccountCoverage> scope = new ArrayList<>(coverage);
        if (kind.equals("org-audit")) {
            scope.add(coverage(C, AccountCoverage.Status.SKIPPED));
        }
        List<AccountCoverage> accounts = scope.stream().map(c -> new AccountCoverage(runId, c.accountId(),
                c.accountName(), c.ouPath(), c.status(), c.reason(), started, Map.of())).toList();
        ReportContext context = new ReportContext(run, 2, accounts, started.plusSeconds(600), "test",
                "rules-2026.10");
        ReportTables tables = ReportTables.bind(NIGHTLY);
        Path folder = work.resolve(runId);
        List<ReportFile> files = new CsvReportWriter().write(List.of(
                new TableRows<>(tables.findings(), rows::stream),
                new TableRows<>(tables.coverage(), () -> accounts.stream().map(io.iamaudit.report.CoverageRow::collected))), folder);
        return new ReportBundle(context, folder, files);
    }

    static Finding finding(String id, String account, Severity severity, Finding.Status status, String practice) {
        boolean excepted = status == Finding.Status.EXCEPTED;
        return new Finding(id, null, account, name(account), "Root", "User",
                id.equals("f-open") ? FORMULA_PRINCIPAL : "user-" + id, "arn:aws:iam::" + account + ":user/" + id,
                "IAM.RULE." + id.toUpperCase().replace('-', '_'), "Title of " + id, severity, status,
                List.of(practice), "v3.0 1.10", "IAM.5", "evidence of " + id, "fix " + id, null,
                excepted ? "owner@example.com" : null, excepted ? LocalDate.parse("2027-03-31") : null,
                excepted ? "accepted" : null);
    }

    private static Finding withRun(Finding f, String runId, Instant seen) {
        return new Finding(f.findingId(), runId, f.accountId(), f.accountName(), f.ouPath(), f.principalType(),
                f.principalName(), f.principalArn(), f.ruleId(), f.title(), f.severity(), f.status(),
                f.wellArchitected(), f.cis(), f.securityHub(), f.evidence() + " on " + runId, f.recommendation(), seen,
                f.exceptionOwner(), f.exceptionExpiry(), f.exceptionNote());
    }

    static List<AccountCoverage> audited(String... accounts) {
        List<AccountCoverage> list = new ArrayList<>();
        for (String account : accounts) {
            list.add(coverage(account, AccountCoverage.Status.AUDITED));
        }
        return list;
    }

    static AccountCoverage coverage(String account, AccountCoverage.Status status) {
        return new AccountCoverage(null, account, name(account), "Root", status,
                status == AccountCoverage.Status.FAILED ? "AccessDenied on sts:AssumeRole" : null, null, Map.of());
    }

    static String name(String account) {
        return account.equals(A) ? "management" : account.equals(C) ? "legacy" : "workloads";
    }

    /** A folder store with the whole quarter and its damage. */
    static Path folderStore(Path root, Path work) {
        publishQuarter(new FolderPublisher(root), work);
        try {
            damageFolderStore(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }
}

package io.iamaudit.quarterly;

import io.iamaudit.publish.Manifest;
import io.iamaudit.publish.ManifestFile;
import io.iamaudit.publish.Publisher;
import io.iamaudit.publish.RunPublisher;
import io.iamaudit.publish.RunStore;
import io.iamaudit.publish.Sha256;
import io.iamaudit.report.CsvReportWriter;
import io.iamaudit.report.ReportContext;
import io.iamaudit.report.ReportFile;
import io.iamaudit.report.ReportTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The quarterly report from end to end: {@link #prepare} makes every check that needs no real work (previous
 * workbook readable, runs published in the quarter, no report there yet), {@link #generate} reads the runs, writes
 * the workbook and the findings csv, and publishes them under {@code quarterly/<yyyy>-Q<n>/} with
 * {@code manifest.json} last. An existing quarterly report is never overwritten: auditors may have signed it off.
 */
public final class QuarterlyReport {
    public static final String KIND = "quarterly-report";
    private static final Logger log = LoggerFactory.getLogger(QuarterlyReport.class);

    private final ReportTemplate nightly;
    private final QuarterlyTemplate template;
    private final Clock clock;

    public QuarterlyReport(ReportTemplate nightly, QuarterlyTemplate template, Clock clock) {
        this.nightly = nightly;
        this.template = template;
        this.clock = clock;
    }

    /**
     * What to report and where.
     *
     * @param inputName how the input store is named in messages and in the workbook
     * @param output    the output store, read to refuse overwriting an existing report
     * @param publisher writes into the output store
     * @param previous  an earlier quarterly workbook whose auditor decisions carry forward, or {@code null}
     */
    public record Request(Quarter quarter, RunStore input, String inputName, RunStore output, Publisher publisher,
                          Path previous) {
        public Request {
            Objects.requireNonNull(quarter, "quarter");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(publisher, "publisher");
        }
    }

    /**
     * A request that passed every check, with its plan of runs, the decisions to carry forward, and the edition
     * (final or preliminary) with the folder it goes to.
     */
    public record Prepared(Request request, QuarterReader.Plan plan, Map<String, AuditorDecision> previous,
                           Edition edition) {
    }

    /**
     * Final (built after the quarter's last day, UTC) or preliminary. A preliminary report goes to its own folder
     * named by when it was built, beside the final one: it never blocks the final report, and no report, final or
     * preliminary, is ever overwritten.
     *
     * @param folder   relative to the output root, ending in a slash
     * @param workbook the workbook's file name
     */
    public record Edition(boolean preliminary, Instant builtAt, String folder, String workbook) {
        static Edition of(Quarter quarter, Instant builtAt) {
            if (quarter.endedBy(builtAt)) {
                return new Edition(false, builtAt, QuarterlyReport.folder(quarter), workbookName(quarter));
            }
            return new Edition(true, builtAt, "quarterly/" + quarter + "-preliminary/" + BUILT_AT.format(builtAt)
                    + "/", "iam-audit-" + quarter + "-PRELIMINARY.xlsx");
        }
    }

    /** Sorts as it reads, has no characters a file system or S3 treats specially: 20261128T220000Z. */
    private static final java.time.format.DateTimeFormatter BUILT_AT = java.time.format.DateTimeFormatter
            .ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC);

    /** What was published. */
    public record Result(String location, Manifest manifest, QuarterHistory history, long carried) {
    }

    /** The report's folder relative to the output root. */
    public static String folder(Quarter quarter) {
        return "quarterly/" + quarter + "/";
    }

    public static String workbookName(Quarter quarter) {
        return "iam-audit-" + quarter + ".xlsx";
    }

    /** @throws QuarterlyUsageException when the request cannot be served; nothing has been written then */
    public Prepared prepare(Request request) {
        Map<String, AuditorDecision> previous = request.previous() == null ? Map.of()
                : PreviousWorkbook.read(request.previous(), template);
        QuarterReader.Plan plan = reader(request, null).plan(request.quarter());
        Edition edition = Edition.of(request.quarter(), clock.instant());
        String folder = edition.folder();
        if (request.output().exists(folder)) {
            throw new QuarterlyUsageException("--output", "a " + (edition.preliminary() ? "preliminary " : "")
                    + "quarterly report for " + request.quarter() + " already exists at "
                    + request.output().address(folder) + "; it is never overwritten (auditors may have signed it "
                    + "off): move it away or choose another --output");
        }
        return new Prepared(request, plan, previous, edition);
    }

    public Result generate(Prepared prepared) {
        Path work = tempDirectory();
        try {
            return generate(prepared, work);
        } finally {
            deleteRecursively(work);
        }
    }

    private Result generate(Prepared prepared, Path work) {
        Request request = prepared.request();
        Edition edition = prepared.edition();
        Instant started = edition.builtAt();
        QuarterHistory history = reader(request, work.resolve("downloads")).read(prepared.plan());
        long carried = carryForward(history, prepared.previous());
        String toolVersion = ReportContext.currentToolVersion();
        QuarterlyContext context = new QuarterlyContext(history, started, toolVersion,
                request.previous() == null ? null : String.valueOf(request.previous().getFileName()), carried,
                edition.preliminary());

        Path out = work.resolve("report");
        Path workbook = out.resolve(edition.workbook());
        QuarterlyTables tables = new QuarterlyTables(template, history, context.builtOn());
        Map<String, Long> sheets = new QuarterlyWorkbookWriter(nightly, template).write(context, tables, workbook);
        List<ReportFile> csv = new CsvReportWriter().write(tables.withRows(), out);

        List<ReportFile> files = new ArrayList<>();
        long dataRows = sheets.values().stream().mapToLong(Long::longValue).sum();
        files.add(new ReportFile(edition.workbook(), workbook, dataRows, sheets));
        files.addAll(csv);
        List<ManifestFile> described = ManifestFile.describeAll(files);
        Manifest manifest = manifest(request, edition, history, started, toolVersion, described);
        String location = publish(request, edition, files, described, manifest);
        log.info("quarterly {}{}: {} findings from {} runs ({} skipped), published to {}", request.quarter(),
                edition.preliminary() ? " PRELIMINARY" : "",
                history.findings().size(), history.usedRuns().size(),
                history.runs().size() - history.usedRuns().size(), location);
        return new Result(location, manifest, history, carried);
    }

    private QuarterReader reader(Request request, Path scratch) {
        return new QuarterReader(request.input(), request.inputName(), nightly, scratch);
    }

    /** Auditor decisions (and the true first-seen date) of findings that persist from the previous workbook. */
    private static long carryForward(QuarterHistory history, Map<String, AuditorDecision> previous) {
        long carried = 0;
        for (FindingState finding : history.findings()) {
            AuditorDecision decision = previous.get(finding.findingId());
            if (decision == null) {
                continue;
            }
            finding.firstSeenNoLaterThan(decision.firstSeen());
            if (!decision.isEmpty()) {
                finding.carry(decision);
                carried++;
            }
        }
        return carried;
    }

    /** Files first, the manifest last, then commit: readers see a complete report or none, as with runs. */
    private String publish(Request request, Edition edition, List<ReportFile> files, List<ManifestFile> described,
                           Manifest manifest) {
        RunPublisher.upload(request.publisher(), edition.folder(), files, described, manifest);
        return request.publisher().address(edition.folder() + edition.workbook());
    }

    private Manifest manifest(Request request, Edition edition, QuarterHistory history, Instant started,
                              String toolVersion, List<ManifestFile> files) {
        List<RunRecord> used = history.usedRuns();
        Manifest last = used.get(used.size() - 1).manifest();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("quarter", request.quarter().toString());
        parameters.put("input", request.inputName());
        if (request.previous() != null) {
            parameters.put("previous", String.valueOf(request.previous().getFileName()));
        }
        parameters.put("asOf", history.asOf().toString());
        parameters.put("edition", edition.preliminary() ? "preliminary" : "final");
        parameters.put("runsUsed", Integer.toString(used.size()));
        parameters.put("runsSkipped", Integer.toString(history.runs().size() - used.size()));
        return new Manifest(Manifest.SCHEMA, request.quarter().toString(), KIND, history.organizationId(),
                last.managementAccountId(), null, started, started, clock.instant(), toolVersion,
                last.ruleCatalogVersion(), parameters, null, files, edition.preliminary());
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("iam-audit-quarterly-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: the temp folder holds only copies of what was published.
        }
    }
}

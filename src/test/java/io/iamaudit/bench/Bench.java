package io.iamaudit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamaudit.json.Mappers;
import io.iamaudit.report.ReportBundle;
import io.iamaudit.report.ReportGenerator;
import io.iamaudit.report.ReportTemplate;
import io.iamaudit.report.ReportTimings;
import io.iamaudit.report.WorkbookLimits;
import io.iamaudit.report.WorkbookThroughput;
import io.iamaudit.sandbox.SandboxProfile;
import io.iamaudit.sandbox.Scenarios;
import io.iamaudit.sandbox.scenario.Scenario;
import io.iamaudit.sandbox.scenario.ScenarioGenerator;
import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AuditRun;
import io.iamaudit.stage.JdbcStagingRepository;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The benchmark behind {@code scripts/bench}: per organization size, generate a scenario, serve it from a sandbox
 * JVM with the realistic profile, run {@code org-audit} in a JVM of its own, and compare what it took with the
 * lower bound of {@link LowerBound}. Prints a table and writes {@code result.json}. See docs/benchmarks.md.
 */
public final class Bench {

    private static final ObjectMapper JSON = Mappers.pretty();
    private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern EXIT_HEAP = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");

    private record Options(List<Integer> sizes, int principals, int policies, int concurrency, long seed, Path jar,
                           Path profile, Path out, boolean jfr, int repeats, String auditJvmArgs,
                           int liveHeapEverySeconds) {
    }

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("--throughput-only")) {
            throughputOnly(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 3);
            return;
        }
        if (args.length >= 2 && args[0].equals("--analyze-only")) {
            AnalyzeOnly.run(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 3,
                    args.length > 3 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE);
            return;
        }
        if (args.length >= 2 && args[0].equals("--report-only")) {
            reportOnly(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 1);
            return;
        }
        Options o = parse(args);
        Files.createDirectories(o.out());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("startedAt", java.time.Instant.now().toString());
        result.put("machine", machine());
        result.put("loadBefore", load());
        result.put("options", Map.of("sizes", o.sizes(), "principalsPerAccount", o.principals(),
                "policiesPerAccount", o.policies(), "concurrency", o.concurrency(), "seed", o.seed(),
                "profile", o.profile().toString(), "jar", o.jar().toString()));
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int size : o.sizes()) {
            Map<String, Object> run = runSize(o, size);
            runs.add(run);
            result.put("sizes", runs);
            result.put("loadAfter", load());
            JSON.writeValue(o.out().resolve("result.json").toFile(), result);
        }
        result.put("targets", targets(runs));
        result.put("loadAfter", load());
        JSON.writeValue(o.out().resolve("result.json").toFile(), result);
        printTable(runs, (Map<?, ?>) result.get("targets"));
        System.out.println("load before: " + result.get("loadBefore") + "; after: " + result.get("loadAfter"));
        System.out.println("result: " + o.out().resolve("result.json"));
    }

    private static Map<String, Object> runSize(Options o, int size) throws Exception {
        Path dir = o.out().resolve("size-" + size);
        deleteRecursively(dir);
        Files.createDirectories(dir);
        log("size %d: generating %d accounts x %d principals x %d policies", size, size, o.principals(), o.policies());
        Scenario scenario = new ScenarioGenerator(o.seed()).generate(size, o.principals(), o.policies());
        Path scenarioFile = dir.resolve("scenario.yaml");
        Files.writeString(scenarioFile, Scenarios.toYaml(scenario));
        SandboxProfile profile = SandboxProfile.load(o.profile());
        // the bench sets no tag filter: the ideal collector reads no tags
        LowerBound.Model bound = LowerBound.compute(scenario, profile, false);
        log("size %d: minimum %d calls; lower bound before verify and report writing %.1f s (%s; organizations %.1f,"
                        + " sts %.1f, Access Analyzer %.1f, slowest account %.1f)", size, bound.totalMinimum(),
                bound.beforeReportSeconds(), bound.bindingConstraint(), bound.organizationsSeconds(),
                bound.stsSeconds(), bound.accessAnalyzerSeconds(), bound.accountSeconds());

        Path stats = dir.resolve("sandbox-stats.json");
        Process sandbox = new ProcessBuilder(java(), "-jar", o.jar().toString(), "sandbox", "--port", "0",
                "--scenario", scenarioFile.toString(), "--profile", o.profile().toString(),
                "--stats-file", stats.toString())
                .redirectErrorStream(true).start();
        String endpoint = awaitEndpoint(sandbox, dir.resolve("sandbox.log"));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("accounts", size);
        run.put("activeAccounts", bound.activeAccounts());
        run.put("principalsPerAccount", o.principals());
        try {
            audit(o, dir, endpoint, run, assumeRolePace(profile));
            run.put("sandboxCpuSeconds", round(cpuTicks(sandbox.pid()) / CLOCK_TICKS));
        } finally {
            sandbox.destroy();
            if (!sandbox.waitFor(60, TimeUnit.SECONDS)) {
                sandbox.destroyForcibly();
            }
        }
        measure(o, dir, bound, run);
        return run;
    }

    /** The verify step's Access Analyzer operations: per proposal, not part of the collection's minimum. */
    private static final List<String> VERIFY_OPERATIONS = List.of("access-analyzer:ValidatePolicy",
            "access-analyzer:CheckNoNewAccess", "access-analyzer:GenerateFindingRecommendation",
            "access-analyzer:GetFindingRecommendation");

    /** As the audit's own URL (application.yml): H2's page cache bounded, so reading staging keeps memory flat. */
    private static final String H2_OPTIONS = ";CACHE_SIZE=32768";

    /** Linux's USER_HZ: /proc reports CPU time in these ticks. */
    private static final double CLOCK_TICKS = 100.0;

    /**
     * User + system CPU time of a process so far, in clock ticks (0 when it is gone). The audit and the sandbox share
     * two cores, so their CPU per call says how many calls per second the machine can serve at all.
     */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // the command name may hold spaces: fields are counted after its closing parenthesis
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * The audit is told the profile's STS quota, as an operator tells it their runner account's: every AssumeRole
     * goes to that one account's bucket (AWS's is some hundreds per second; the realistic profile's 25 per second).
     * Organizations and Access Analyzer use the audit's defaults, which are AWS's and the profile's alike.
     */
    static List<String> assumeRolePace(SandboxProfile profile) {
        SandboxProfile.Bucket sts = profile.throttling().get("sts");
        return sts == null || sts.refillPerSecond() <= 0 ? List.of()
                : List.of("-Diam-audit.aws.assume-role-calls-per-second=" + sts.refillPerSecond());
    }

    /** Runs org-audit as its own JVM, sampling its peak RSS; the GC log gives the heap. */
    private static void audit(Options o, Path dir, String endpoint, Map<String, Object> run, List<String> paces)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xlog:gc,gc+heap+exit:file=" + dir.resolve("gc.log")));
        cmd.addAll(paces);
        if (o.jfr()) {
            cmd.add("-XX:StartFlightRecording=filename=" + dir.resolve("audit.jfr") + ",settings=profile");
        }
        if (o.auditJvmArgs() != null && !o.auditJvmArgs().isBlank()) {
            cmd.addAll(List.of(o.auditJvmArgs().trim().split("\\s+")));
        }
        cmd.addAll(List.of("-jar", o.jar().toString(), "org-audit", "--output", "file:" + dir.resolve("reports"),
                "--concurrency", String.valueOf(o.concurrency())));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("audit.log").toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("IAM_AUDIT_"));
        env.put("AWS_ENDPOINT_URL", endpoint);
        env.put("AWS_ACCESS_KEY_ID", "AKIASANDBOXMANAGEMENT");
        env.put("AWS_SECRET_ACCESS_KEY", "sandbox/management/not-a-real-secret-key");
        env.put("AWS_REGION", "us-east-1");
        env.put("IAM_AUDIT_HOME", dir.resolve("home").toString());
        log("size %s: org-audit --concurrency %d against %s", run.get("accounts"), o.concurrency(), endpoint);
        long start = System.nanoTime();
        Process audit = pb.start();
        AtomicLong hwm = new AtomicLong();
        AtomicLong cpuTicks = new AtomicLong();
        Thread sampler = new Thread(() -> {
            Path status = Path.of("/proc/" + audit.pid() + "/status");
            while (audit.isAlive()) {
                try {
                    for (String line : Files.readAllLines(status)) {
                        if (line.startsWith("VmHWM:")) {
                            hwm.accumulateAndGet(Long.parseLong(line.replaceAll("\\D", "")), Math::max);
                        }
                    }
                    cpuTicks.accumulateAndGet(cpuTicks(audit.pid()), Math::max);
                    Thread.sleep(200);
                } catch (IOException | RuntimeException e) {
                    return; // the process is gone
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        int liveHeapEvery = o.liveHeapEverySeconds() >= 0 ? o.liveHeapEverySeconds()
                : LiveHeapSampler.everySecondsFor(((Number) run.get("accounts")).intValue());
        run.put("liveHeapEverySeconds", liveHeapEvery);
        LiveHeapSampler live = LiveHeapSampler.start(audit.pid(), liveHeapEvery * 1000L,
                LiveHeapSampler.skipsLoggedIn(dir.resolve("audit.log")));
        int exit = audit.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        sampler.join(1000);
        live.close();
        run.put("peakLiveHeapHistogramMiB", round(live.peakLiveBytes() / 1048576.0));
        run.put("liveHeapSamples", live.samples().size());
        run.put("liveHeapSamplingSeconds", round(live.samplingSeconds()));
        run.put("liveHeapSamplesDropped", live.droppedSamples());
        run.put("liveHeapSamplesMiB", live.samples().stream()
                .map(s -> List.of(round(s.atSeconds()), round(s.liveBytes() / 1048576.0))).toList());
        run.put("exitCode", exit);
        run.put("wallSeconds", round(wall));
        run.put("accountsPerMinute", round((Integer) run.get("activeAccounts") * 60 / wall));
        run.put("peakRssMiB", round(hwm.get() / 1024.0));
        run.put("auditCpuSeconds", round(cpuTicks.get() / CLOCK_TICKS));
        if (exit != 0 && exit != 3) {
            throw new IllegalStateException("org-audit exited " + exit + ": see " + dir.resolve("audit.log"));
        }
    }

    @SuppressWarnings("unchecked")
    private static void measure(Options o, Path dir, LowerBound.Model bound, Map<String, Object> run) throws Exception {
        // heap: the largest heap in use before a collection, and the largest live set after one
        long before = 0;
        long after = 0;
        for (String line : Files.readAllLines(dir.resolve("gc.log"))) {
            Matcher m = GC.matcher(line);
            if (m.find()) {
                before = Math.max(before, Long.parseLong(m.group(1)));
                after = Math.max(after, Long.parseLong(m.group(2)));
            }
            Matcher e = EXIT_HEAP.matcher(line);
            if (e.find()) {
                before = Math.max(before, Long.parseLong(e.group(2)) / 1024);
            }
        }
        run.put("peakHeapMiB", before);
        run.put("peakHeapAfterGcMiB", after);

        // calls: the audit's own count per account (coverage), and what the sandbox served
        JsonNode sandbox = JSON.readTree(dir.resolve("sandbox-stats.json").toFile());
        Map<String, Long> served = new TreeMap<>();
        sandbox.get("calls").fields().forEachRemaining(e -> served.put(e.getKey(), e.getValue().asLong()));
        Map<String, Long> throttles = new TreeMap<>();
        sandbox.get("throttles").fields().forEachRemaining(e -> throttles.put(e.getKey(), e.getValue().asLong()));
        long servedTotal = sandbox.get("totalCalls").asLong();
        long throttleTotal = sandbox.get("totalThrottles").asLong();

        DriverManagerDataSource ds = new DriverManagerDataSource(
                "jdbc:h2:file:" + dir.resolve("home").resolve("staging").toAbsolutePath() + H2_OPTIONS, "sa", "");
        JdbcStagingRepository staging = new JdbcStagingRepository(ds);
        AuditRun audited = staging.latestRun().orElseThrow();
        Map<String, Long> counted = new TreeMap<>();
        int auditedAccounts = 0;
        for (AccountCoverage c : staging.coverage(audited.runId())) {
            c.awsCalls().forEach((k, v) -> counted.merge(k, v, Long::sum));
            if (c.status() == AccountCoverage.Status.AUDITED) {
                auditedAccounts++;
            }
        }
        long countedTotal = counted.values().stream().mapToLong(Long::longValue).sum();
        run.put("auditedAccounts", auditedAccounts);
        run.put("callsMade", servedTotal);
        run.put("cpuMillisPerCall", round(1000 * (((Number) run.get("auditCpuSeconds")).doubleValue()
                + ((Number) run.getOrDefault("sandboxCpuSeconds", 0)).doubleValue()) / Math.max(1, servedTotal)));
        run.put("callsCountedByAudit", countedTotal);
        run.put("callsPerAccount", round((double) servedTotal / bound.activeAccounts()));
        long verifyServed = VERIFY_OPERATIONS.stream().mapToLong(k -> served.getOrDefault(k, 0L)).sum();
        run.put("minimumCalls", bound.totalMinimum());
        run.put("verifyCalls", verifyServed);
        run.put("callsOverMinimum", round((double) (servedTotal - verifyServed) / bound.totalMinimum()));
        run.put("throttlingErrors", throttleTotal);
        run.put("throttlingShare", round4((double) throttleTotal / Math.max(1, servedTotal)));
        // the profile's random throttles hit any client alike; the quota's are the ones pacing decides
        long quotaThrottles = sandbox.path("totalQuotaThrottles").asLong();
        run.put("quotaThrottlingErrors", quotaThrottles);
        run.put("quotaThrottlingShare", round4((double) quotaThrottles / Math.max(1, servedTotal)));
        run.put("injectedErrors", sandbox.get("totalErrors").asLong());
        Map<String, Object> ops = new TreeMap<>();
        java.util.Set<String> keys = new java.util.TreeSet<>(served.keySet());
        keys.addAll(bound.minimumCalls().keySet());
        keys.addAll(counted.keySet().stream().map(Bench::sandboxKey).toList());
        Map<String, Long> countedBySandboxKey = new TreeMap<>();
        counted.forEach((k, v) -> countedBySandboxKey.merge(sandboxKey(k), v, Long::sum));
        for (String k : keys) {
            Map<String, Object> op = new LinkedHashMap<>();
            long s = served.getOrDefault(k, 0L);
            op.put("served", s);
            op.put("countedByAudit", countedBySandboxKey.getOrDefault(k, 0L));
            op.put("minimum", bound.minimumCalls().getOrDefault(k, 0L));
            op.put("perAccount", round((double) s / bound.activeAccounts()));
            op.put("throttled", throttles.getOrDefault(k, 0L));
            ops.put(k, op);
        }
        run.put("operations", ops);

        run.put("stages", stages(ds));

        // the report writers' own figures, from the report step's execution context
        ReportTimings writers = reportTimings(ds);
        long csvMillis = writers.csv().wallNanos() / 1_000_000;
        run.put("workbookRows", writers.workbook().rows());
        run.put("workbookMillis", writers.workbook().wallNanos() / 1_000_000);
        run.put("workbookCpuMillis", writers.workbook().cpuNanos() / 1_000_000);
        run.put("workbookRowsPerSecond", writers.workbook().rowsPerSecond());
        run.put("csvRows", writers.csv().rows());
        run.put("csvMillis", csvMillis);
        run.put("csvCpuMillis", writers.csv().cpuNanos() / 1_000_000);
        run.put("csvRowsPerSecond", writers.csv().rowsPerSecond());

        // workbook writer vs bare SXSSF, same cells, in this JVM
        WorkbookThroughput.Result tp = new WorkbookThroughput(ReportTemplate.loadDefault(), WorkbookLimits.excel())
                .measure(staging, audited.runId(), dir.resolve("throughput"), o.repeats());
        deleteRecursively(dir.resolve("throughput"));
        run.put("throughputRows", tp.rows());
        run.put("oursWorkbookRowsPerSecond", Math.round(tp.oursRowsPerSecond()));
        run.put("bareSxssfRowsPerSecond", Math.round(tp.bareRowsPerSecond()));
        run.put("workbookVsBareSxssf", round(tp.ratio()));
        run.put("workbookVsBareSxssfCpu", round(tp.cpuRatio()));

        // the verify step's Access Analyzer calls follow from what analysis proposed: counted as served, on the
        // shared quota's time, and apart from the collection's minimum
        LowerBound.Model withVerify = bound.withVerifyCalls(verifyServed);
        double report = tp.bareNanos() / 1e9 + csvMillis / 1000.0;
        double lower = withVerify.totalSeconds(report);
        Map<String, Object> lb = new LinkedHashMap<>();
        lb.put("organizationsQuotaSeconds", round(withVerify.organizationsSeconds()));
        lb.put("stsQuotaSeconds", round(withVerify.stsSeconds()));
        lb.put("accessAnalyzerQuotaSeconds", round(withVerify.accessAnalyzerSeconds()));
        lb.put("slowestAccountSeconds", round(withVerify.accountSeconds()));
        lb.put("binding", withVerify.bindingConstraint());
        lb.put("reportWritingSeconds", round(report));
        lb.put("totalSeconds", round(lower));
        run.put("lowerBound", lb);
        run.put("wallOverLowerBound", round((Double) run.get("wallSeconds") / lower));
        // the lower bound assumes every account at once; this machine runs the audit and the sandbox on its cores,
        // so their CPU time spread over every core is a floor too (the sandbox's includes loading the scenario)
        int cores = Runtime.getRuntime().availableProcessors();
        double cpuBound = (((Number) run.get("auditCpuSeconds")).doubleValue()
                + ((Number) run.getOrDefault("sandboxCpuSeconds", 0)).doubleValue()) / cores;
        run.put("cores", cores);
        run.put("cpuBoundSeconds", round(cpuBound));
        run.put("wallOverMachineBound", round((Double) run.get("wallSeconds") / Math.max(lower, cpuBound)));
        Map<String, Long> minimum = new TreeMap<>(bound.minimumCalls());
        run.put("minimumCallsByOperation", minimum);
    }

    /**
     * Only the workbook-vs-bare comparison, on a finished size's staging database ({@code size-N/home}), for
     * profiling the writers (run with JFR through BENCH_JAVA_OPTS).
     */
    private static void throughputOnly(Path home, int repeats) {
        DriverManagerDataSource ds = new DriverManagerDataSource(
                "jdbc:h2:file:" + home.resolve("staging").toAbsolutePath() + H2_OPTIONS, "sa", "");
        JdbcStagingRepository staging = new JdbcStagingRepository(ds);
        AuditRun audited = staging.latestRun().orElseThrow();
        Path dir = home.resolveSibling("throughput-only");
        WorkbookThroughput.Result tp = new WorkbookThroughput(ReportTemplate.loadDefault(), WorkbookLimits.excel())
                .measure(staging, audited.runId(), dir, repeats);
        deleteRecursively(dir);
        System.out.printf(Locale.ROOT, "rows %d, cells %d: ours %.0f ms (%.0f rows/s), bare SXSSF %.0f ms (%.0f rows/s),"
                        + " ratio %.2f; cpu of the writing thread: ours %.0f ms, bare %.0f ms, cpu ratio %.2f%n",
                tp.rows(), tp.cells(), tp.oursNanos() / 1e6, tp.oursRowsPerSecond(), tp.bareNanos() / 1e6,
                tp.bareRowsPerSecond(), tp.ratio(), tp.oursCpuNanos() / 1e6, tp.bareCpuNanos() / 1e6, tp.cpuRatio());
    }

    /**
     * Only the report step's writing ({@code ReportGenerator}, reading the staging database as in the run), on a
     * finished size's staging database, {@code repeats} times: the first in a cold JVM, the next ones warm. Prints the
     * generator's log line of rows and ms per writer, and the CPU time of the writing thread (the figure to compare
     * when the machine is shared).
     */
    private static void reportOnly(Path home, int repeats) {
        // one open connection, as the audit's pool gives: a DriverManagerDataSource opens H2 anew for every query
        var ds = new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                "jdbc:h2:file:" + home.resolve("staging").toAbsolutePath() + H2_OPTIONS, "sa", "",
                true);
        JdbcStagingRepository staging = new JdbcStagingRepository(ds);
        AuditRun audited = staging.latestRun().orElseThrow();
        Path dir = home.resolveSibling("report-only");
        ReportGenerator generator = new ReportGenerator(ReportTemplate.loadDefault());
        for (int i = 0; i < Math.max(1, repeats); i++) {
            long wall = System.nanoTime();
            Path folder = dir.resolve(String.valueOf(i));
            // the report step's writers: workbook, csv and proposal files, and the finding exports beside them
            ReportBundle bundle = generator.generate(staging, audited.runId(), folder, "bench",
                    (context, out) -> new io.iamaudit.export.FindingExports(
                            io.iamaudit.export.FindingFacts.Factory.standard(), context.toolVersion(), "us-east-1")
                            .write(staging, context.run(), out));
            ReportTimings t = bundle.timings();
            System.out.printf(Locale.ROOT, "report-only %d: wall %.0f ms; cpu of the writing threads: workbook %d ms,"
                            + " csv and proposal files %d ms, exports %d ms (%d ms wall), all %d ms%n", i,
                    (System.nanoTime() - wall) / 1e6, t.workbook().cpuNanos() / 1_000_000,
                    t.csv().cpuNanos() / 1_000_000, t.exports().cpuNanos() / 1_000_000,
                    t.exports().wallNanos() / 1_000_000,
                    (t.workbook().cpuNanos() + t.csv().cpuNanos() + t.exports().cpuNanos()) / 1_000_000);
        }
        if (!Boolean.getBoolean("bench.keepReports")) {
            deleteRecursively(dir);
        }
    }

    /** The audit counts AWS service names ("iam", "sts", "organizations", "accessanalyzer"); the sandbox signs names. */
    private static String sandboxKey(String key) {
        return key.startsWith("accessanalyzer:") ? "access-analyzer:" + key.substring(key.indexOf(':') + 1) : key;
    }

    /**
     * The report step's writer figures ({@link ReportTimings}) from {@code BATCH_STEP_EXECUTION_CONTEXT} of the latest
     * report step, decoded with Spring Batch's default serializer as its JDBC DAO does.
     */
    public static ReportTimings reportTimings(DataSource ds) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT C.SHORT_CONTEXT, C.SERIALIZED_CONTEXT"
                     + " FROM BATCH_STEP_EXECUTION_CONTEXT C JOIN BATCH_STEP_EXECUTION S"
                     + " ON S.STEP_EXECUTION_ID = C.STEP_EXECUTION_ID WHERE S.STEP_NAME = 'report'"
                     + " ORDER BY S.STEP_EXECUTION_ID DESC")) {
            if (!rs.next()) {
                throw new IllegalStateException("no report step in BATCH_STEP_EXECUTION_CONTEXT");
            }
            String serialized = rs.getString(2) != null ? rs.getString(2) : rs.getString(1);
            Map<String, Object> context = new DefaultExecutionContextSerializer()
                    .deserialize(new java.io.ByteArrayInputStream(serialized.getBytes(StandardCharsets.ISO_8859_1)));
            return ReportTimings.fromContext(context);
        } catch (java.sql.SQLException | IOException e) {
            throw new IllegalStateException("cannot read the report step's context: " + e.getMessage(), e);
        }
    }

    /** Step timings from Spring Batch's repository; the collect partitions are summed up. */
    private static Map<String, Object> stages(DriverManagerDataSource ds) {
        Map<String, Object> stages = new LinkedHashMap<>();
        double partitionSeconds = 0;
        double partitionMax = 0;
        int partitions = 0;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT STEP_NAME, START_TIME, END_TIME FROM BATCH_STEP_EXECUTION"
                     + " ORDER BY STEP_EXECUTION_ID")) {
            while (rs.next()) {
                String name = rs.getString(1);
                Timestamp a = rs.getTimestamp(2);
                Timestamp b = rs.getTimestamp(3);
                if (a == null || b == null) {
                    continue;
                }
                double seconds = (b.getTime() - a.getTime()) / 1000.0;
                if (name.contains(":")) {
                    partitions++;
                    partitionSeconds += seconds;
                    partitionMax = Math.max(partitionMax, seconds);
                } else {
                    stages.put(name + "Seconds", round(seconds));
                }
            }
        } catch (java.sql.SQLException e) {
            stages.put("error", e.getMessage());
        }
        stages.put("collectPartitions", partitions);
        stages.put("collectPartitionMeanSeconds", round(partitions == 0 ? 0 : partitionSeconds / partitions));
        stages.put("collectPartitionMaxSeconds", round(partitionMax));
        return stages;
    }

    private static Map<String, Object> targets(List<Map<String, Object>> runs) {
        Map<String, Object> t = new LinkedHashMap<>();
        List<Map<String, Object>> large = runs.stream().filter(r -> (Integer) r.get("accounts") >= 200).toList();
        List<Map<String, Object>> checked = large.isEmpty() ? runs : large;
        t.put("wallOverLowerBound<=1.5 (200+ accounts, else all sizes run)", checked.stream()
                .allMatch(r -> (Double) r.get("wallOverLowerBound") <= 1.5));
        t.put("callsOverMinimum<=1.1", runs.stream().allMatch(r -> (Double) r.get("callsOverMinimum") <= 1.1));
        t.put("throttlingShare<1%", runs.stream().allMatch(r -> (Double) r.get("throttlingShare") < 0.01));
        Map<String, Object> first = runs.get(0);
        Map<String, Object> last = runs.get(runs.size() - 1);
        double growth = ((Number) last.get("peakHeapMiB")).doubleValue()
                / Math.max(1, ((Number) first.get("peakHeapMiB")).doubleValue()) - 1;
        double liveGrowth = ((Number) last.get("peakLiveHeapHistogramMiB")).doubleValue()
                / Math.max(1, ((Number) first.get("peakLiveHeapHistogramMiB")).doubleValue()) - 1;
        t.put("peakHeapGrowth", round(growth));
        t.put("peakLiveHeapGrowth", round(liveGrowth));
        t.put("peakLiveHeapGrowth<=20% (smallest to largest size, heap histograms)", liveGrowth <= 0.2);
        t.put("workbookVsBareSxssf>=0.8", runs.stream().allMatch(r -> (Double) r.get("workbookVsBareSxssf") >= 0.8));
        return t;
    }

    @SuppressWarnings("unchecked")
    private static void printTable(List<Map<String, Object>> runs, Map<?, ?> targets) {
        String[][] rows = {
                {"accounts", "accounts"}, {"wall s", "wallSeconds"}, {"lower bound s", "lowerBound.totalSeconds"},
                {"wall / lower bound", "wallOverLowerBound"},
                {"CPU bound s (cores)", "cpuBoundSeconds"}, {"wall / max(bounds)", "wallOverMachineBound"},
                {"accounts/min", "accountsPerMinute"},
                {"  binding constraint", "lowerBound.binding"},
                {"calls made", "callsMade"}, {"  of it, verify", "verifyCalls"}, {"minimum calls", "minimumCalls"},
                {"calls / minimum", "callsOverMinimum"}, {"calls per account", "callsPerAccount"},
                {"throttling errors", "throttlingErrors"}, {"throttling share", "throttlingShare"},
                {"  of it, quota", "quotaThrottlingShare"},
                {"peak heap MiB", "peakHeapMiB"}, {"  after GC MiB", "peakHeapAfterGcMiB"},
                {"peak live heap MiB", "peakLiveHeapHistogramMiB"}, {"  histograms (s)", "liveHeapSamples"},
                {"  sampling s", "liveHeapSamplingSeconds"},
                {"peak RSS MiB", "peakRssMiB"}, {"workbook rows/s", "workbookRowsPerSecond"},
                {"csv rows/s", "csvRowsPerSecond"}, {"workbook / bare SXSSF", "workbookVsBareSxssf"},
                {"discover s", "stages.discoverSeconds"}, {"collect s", "stages.collectSeconds"},
                {"analyze s", "stages.analyzeSeconds"}, {"report s", "stages.reportSeconds"},
                {"publish s", "stages.publishSeconds"}, {"audit JVM CPU s", "auditCpuSeconds"},
                {"sandbox JVM CPU s", "sandboxCpuSeconds"}, {"CPU ms per call", "cpuMillisPerCall"}};
        StringBuilder out = new StringBuilder("\n");
        for (String[] row : rows) {
            out.append(String.format(Locale.ROOT, "%-22s", row[0]));
            for (Map<String, Object> run : runs) {
                out.append(String.format(Locale.ROOT, "%14s", value(run, row[1])));
            }
            out.append('\n');
        }
        out.append("\ncalls by operation at the largest size (served by the sandbox, minimum):\n");
        Map<String, Object> last = runs.get(runs.size() - 1);
        for (Map.Entry<String, Object> e : ((Map<String, Object>) last.get("operations")).entrySet()) {
            Map<?, ?> op = (Map<?, ?>) e.getValue();
            out.append(String.format(Locale.ROOT, "  %-48s %10s %10s  throttled %s%n", e.getKey(), op.get("served"),
                    op.get("minimum"), op.get("throttled")));
        }
        out.append("\ntargets:\n");
        targets.forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
        System.out.print(out);
    }

    private static Object value(Map<String, Object> run, String path) {
        Object v = run;
        for (String part : path.split("\\.")) {
            v = v instanceof Map<?, ?> m ? m.get(part) : null;
        }
        return v == null ? "-" : v;
    }

    private static String awaitEndpoint(Process sandbox, Path logFile) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(sandbox.getInputStream(),
                StandardCharsets.UTF_8));
        PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile), true);
        String endpoint = null;
        String line;
        while (endpoint == null && (line = reader.readLine()) != null) {
            log.println(line);
            int at = line.indexOf("AWS_ENDPOINT_URL=");
            if (at >= 0) {
                endpoint = line.substring(at + "AWS_ENDPOINT_URL=".length()).trim();
            }
        }
        if (endpoint == null) {
            throw new IllegalStateException("the sandbox did not start: see " + logFile);
        }
        Thread drain = new Thread(() -> {
            try {
                String l;
                while ((l = reader.readLine()) != null) {
                    log.println(l);
                }
            } catch (IOException e) {
                // the sandbox stopped
            } finally {
                log.close();
            }
        }, "sandbox-log");
        drain.setDaemon(true);
        drain.start();
        return endpoint;
    }

    private static Options parse(String[] args) {
        List<Integer> sizes = List.of(50, 200, 800);
        int principals = 100;
        int policies = 10;
        // with tags and findings off the accounts' path, collection takes at least accounts x ~22 s (an account's
        // ~230 IAM calls at its 10/s quota) / concurrency: 64 gives 270 s at 800 accounts, itself the wall; 96 gives
        // 180 s, under the ~225 s the two cores need for the run's CPU at 1.5 ms per call, while each partition holds
        // one snapshot (1.5x the memory of 64) and the sandbox's 128 handler threads still serve every partition's
        // call in flight (docs/benchmarks.md, "Concurrency")
        int concurrency = 96;
        long seed = 42;
        int repeats = 2;
        Path jar = Path.of("target/iam-audit.jar");
        Path profile = Path.of("jobs/profiles/realistic.yaml");
        Path out = Path.of("target/bench");
        boolean jfr = false;
        // 0 and more: seconds between two histograms at every size; by default each size gets its own interval
        // (LiveHeapSampler.everySecondsFor)
        int liveHeapEvery = -1;
        // a scheduled task has a fixed memory size: the same heap at every size shows whether memory stays flat
        String jvmArgs = System.getenv().getOrDefault("BENCH_AUDIT_JVM_ARGS", "-Xmx1g");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--tiny" -> {
                    sizes = List.of(3);
                    principals = 5;
                    policies = 2;
                    repeats = 1;
                }
                case "--sizes" -> sizes = Stream.of(args[++i].split(",")).map(String::trim).map(Integer::parseInt)
                        .toList();
                case "--principals" -> principals = Integer.parseInt(args[++i]);
                case "--policies" -> policies = Integer.parseInt(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                case "--profile" -> profile = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--jfr" -> jfr = true;
                case "--audit-jvm-args" -> jvmArgs = args[++i];
                case "--live-heap-every" -> liveHeapEvery = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + a
                        + " (options: --tiny --sizes N,N --principals N --policies N --concurrency N --seed N"
                        + " --repeats N --jar FILE --profile FILE --out DIR --jfr --audit-jvm-args ARGS --live-heap-every S)");
            }
        }
        return new Options(sizes, principals, policies, concurrency, seed, jar.toAbsolutePath(),
                profile.toAbsolutePath(), out.toAbsolutePath(), jfr, repeats, jvmArgs, liveHeapEvery);
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        try {
            m.put("memTotal", Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " "));
        } catch (IOException | RuntimeException e) {
            m.put("memTotal", "unknown");
        }
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return m;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double round4(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench %tT] " + format + "%n", prepend(java.time.LocalTime.now(), args));
        System.out.flush();
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

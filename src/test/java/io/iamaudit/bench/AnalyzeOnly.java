package io.iamaudit.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.exceptions.ExceptionSet;
import io.iamaudit.analyze.Thresholds;
import io.iamaudit.analyze.run.AccountAnalysis;
import io.iamaudit.analyze.run.AccountAnalyzer;
import io.iamaudit.json.Mappers;
import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AccountRef;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.AuditRun;
import io.iamaudit.stage.JdbcStagingRepository;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Only the analysis ({@link AccountAnalyzer}) over the snapshots a finished run staged, on one thread, {@code repeats}
 * times: the first pass in a cold JVM, the next ones warm (and with every cross-account cache filled). Prints the CPU
 * time of the analysing thread per account (snapshot loading excluded) and a SHA-256 digest of everything the
 * analysis returned, so a change to the analysis shows its cost and, by an unchanged digest, that its results are
 * the same. {@code scripts/bench --analyze-only HOME [REPEATS] [ACCOUNTS]}.
 */
final class AnalyzeOnly {

    /** As the audit's own URL (application.yml): H2's page cache bounded. */
    private static final String H2_OPTIONS = ";CACHE_SIZE=32768";

    private AnalyzeOnly() {
    }

    static void run(Path home, int repeats, int maxAccounts) throws JsonProcessingException {
        var ds = new SingleConnectionDataSource("jdbc:h2:file:" + home.resolve("staging").toAbsolutePath()
                + H2_OPTIONS, "sa", "", true);
        JdbcStagingRepository staging = new JdbcStagingRepository(ds);
        AuditRun run = staging.latestRun().orElseThrow(() -> new IllegalStateException("no run staged in " + home));
        List<String> accounts = staging.coverage(run.runId()).stream()
                .filter(c -> c.status() == AccountCoverage.Status.AUDITED).map(AccountCoverage::accountId)
                .sorted().limit(maxAccounts).toList();
        Set<String> organization = staging.accounts(run.runId()).stream().map(AccountRef::accountId)
                .collect(Collectors.toSet());
        // a fixed clock (the run's start): exception expiry, the only use of "now" besides snapshots without a
        // collection time, then gives the same answer on every pass
        AnalysisContext ctx = new AnalysisContext(run.runId(), Clock.fixed(run.startedAt(), ZoneOffset.UTC),
                Thresholds.defaults(), ExceptionSet.none(), organization)
                .withManagementAccountId(run.managementAccountId());
        AccountAnalyzer analyzer = new AccountAnalyzer();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ObjectMapper json = Mappers.staging();
        System.out.printf(Locale.ROOT, "analyze-only: run %s, %d account(s)%n", run.runId(), accounts.size());
        for (int pass = 0; pass < Math.max(1, repeats); pass++) {
            MessageDigest digest = sha256();
            long cpu = 0;
            long secondHalf = 0;
            long findings = 0;
            long recommendations = 0;
            for (String accountId : accounts) {
                Optional<AccountSnapshot> snapshot = staging.snapshot(run.runId(), accountId);
                if (snapshot.isEmpty()) {
                    continue;
                }
                long before = threads.getCurrentThreadCpuTime();
                AccountAnalysis analysis = analyzer.analyze(snapshot.get(), ctx);
                long spent = threads.getCurrentThreadCpuTime() - before;
                cpu += spent;
                secondHalf += accounts.indexOf(accountId) >= accounts.size() / 2 ? spent : 0;
                findings += analysis.findings().size();
                recommendations += analysis.recommendations().size();
                digest.update(json.writeValueAsString(analysis).getBytes(StandardCharsets.UTF_8));
            }
            // the first pass's second half is the fair figure of a real run: compiled code, and caches filled by
            // other accounts only (later passes find every account's own policies cached)
            int half = accounts.size() - accounts.size() / 2;
            System.out.printf(Locale.ROOT, "analyze-only %d: cpu %.1f s, %.1f ms per account (second half %.1f ms);"
                            + " %d findings, %d recommendations; digest %s%n", pass, cpu / 1e9,
                    cpu / 1e6 / Math.max(1, accounts.size()), secondHalf / 1e6 / Math.max(1, half), findings,
                    recommendations, HexFormat.of().formatHex(digest.digest()));
        }
        ds.destroy();
        // what stays reachable once the snapshots are gone: mostly the analysis's bounded cross-account caches
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "analyze-only: heap in use after a full collection %.0f MB%n",
                (rt.totalMemory() - rt.freeMemory()) / 1e6);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

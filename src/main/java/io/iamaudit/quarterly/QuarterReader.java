package io.iamaudit.quarterly;

import io.iamaudit.publish.Manifest;
import io.iamaudit.publish.ManifestFile;
import io.iamaudit.publish.PublishJson;
import io.iamaudit.publish.RunFolder;
import io.iamaudit.publish.RunLayout;
import io.iamaudit.publish.RunStore;
import io.iamaudit.publish.Sha256;
import io.iamaudit.report.ReportTemplate;
import io.iamaudit.stage.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a quarter back from the store: {@link #plan} lists the run folders and reads their manifests (cheap, so
 * "nothing to report" is known before any work), {@link #read} then streams each usable run's findings.csv and
 * coverage.csv, oldest first, after checking both against the SHA-256 in the manifest.
 */
public final class QuarterReader {
    static final String KIND = "org-audit";
    static final String FINDINGS = "csv/findings.csv";
    static final String COVERAGE = "csv/coverage.csv";
    private static final String NOT_MAPPED = "(not mapped)";
    private static final Logger log = LoggerFactory.getLogger(QuarterReader.class);

    private final RunStore store;
    private final String source;
    private final RunCsv csv;
    private final Path scratch;

    /**
     * @param source  how the store is named in messages (the --input value)
     * @param scratch a private folder for downloads; the caller deletes it
     */
    public QuarterReader(RunStore store, String source, ReportTemplate nightly, Path scratch) {
        this.store = store;
        this.source = source;
        this.csv = new RunCsv(nightly);
        this.scratch = scratch;
    }

    /** The runs of the quarter, in the order they will be applied. */
    public record Plan(Quarter quarter, String organizationId, List<Candidate> candidates) {
        public long usable() {
            return candidates.stream().filter(c -> c.skip() == null).count();
        }
    }

    /** A run folder with its manifest, and why it is skipped ({@code null}: it will be read). */
    public record Candidate(RunFolder folder, Manifest manifest, String skip) {
    }

    /** @throws QuarterlyUsageException when the quarter has no published (complete) run in the store */
    public Plan plan(Quarter quarter) {
        List<RunFolder> folders = store.runs(quarter.start(), quarter.end());
        if (folders.stream().noneMatch(RunFolder::hasManifest)) {
            throw new QuarterlyUsageException("no published runs between " + quarter.start() + " and "
                    + quarter.end() + " in " + source);
        }
        List<Candidate> candidates = new ArrayList<>();
        for (RunFolder folder : folders) {
            candidates.add(candidate(folder));
        }
        candidates.sort(Comparator.comparing((Candidate c) -> c.folder().day())
                .thenComparing(c -> c.manifest() == null ? null : c.manifest().startedAt(),
                        Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                .thenComparing(c -> c.folder().runId()));
        // One organization per report, the one most runs audited (ties: the latest), so a store shared with
        // another organization, or one stray run, never mixes findings of two organizations.
        Map<String, Long> runsByOrganization = new HashMap<>();
        Map<String, Integer> lastIndex = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            if (c.skip() == null) {
                String org = String.valueOf(c.manifest().organizationId());
                runsByOrganization.merge(org, 1L, Long::sum);
                lastIndex.put(org, i);
            }
        }
        String organization = runsByOrganization.keySet().stream()
                .max(Comparator.comparing((String o) -> runsByOrganization.get(o)).thenComparing(lastIndex::get))
                .orElse(null);
        List<Candidate> planned = candidates.stream().map(c -> c.skip() == null
                && !Objects.equals(String.valueOf(c.manifest().organizationId()), organization)
                ? new Candidate(c.folder(), c.manifest(), "organization " + c.manifest().organizationId()
                + " is not the one reported (" + organization + ")") : c).toList();
        return new Plan(quarter, organization, planned);
    }

    private Candidate candidate(RunFolder folder) {
        if (!folder.hasManifest()) {
            return new Candidate(folder, null, "incomplete: no manifest.json (publishing did not finish)");
        }
        Manifest manifest;
        try (InputStream in = store.open(folder.file(RunLayout.MANIFEST))) {
            manifest = PublishJson.read(in.readAllBytes(), Manifest.class);
        } catch (IOException | RuntimeException e) {
            return new Candidate(folder, null, "manifest.json cannot be read: " + firstLine(e));
        }
        if (!KIND.equals(manifest.kind())) {
            return new Candidate(folder, manifest, "kind '" + manifest.kind()
                    + "': only organization-wide runs show which findings were resolved");
        }
        return new Candidate(folder, manifest, null);
    }

    /** Streams every usable run of the plan into one state per finding. */
    public QuarterHistory read(Plan plan) {
        Map<String, FindingState> findings = new HashMap<>();
        Map<String, AccountStats> accounts = new TreeMap<>();
        List<RunRecord> runs = new ArrayList<>();
        int index = 0;
        LocalDate asOf = null;
        for (Candidate candidate : plan.candidates()) {
            if (candidate.skip() != null) {
                runs.add(RunRecord.skipped(candidate.folder(), candidate.manifest(), candidate.skip()));
                continue;
            }
            try {
                runs.add(apply(candidate, index, findings, accounts));
                asOf = candidate.folder().day();
                index++;
            } catch (InvalidRunException e) {
                log.warn("quarterly {}: skipping run {}: {}", plan.quarter(), candidate.folder().runId(),
                        e.getMessage());
                runs.add(RunRecord.skipped(candidate.folder(), candidate.manifest(), e.getMessage()));
            }
        }
        if (index == 0) {
            throw new IllegalStateException("none of the " + runs.size() + " runs between " + plan.quarter().start()
                    + " and " + plan.quarter().end() + " in " + source + " could be used (first: "
                    + runs.get(0).reason() + ")");
        }
        List<FindingState> ordered = findings.values().stream().sorted(QuarterReader::reportOrder).toList();
        findings.values().forEach(f -> accounts.computeIfAbsent(f.accountId(), AccountStats::new)
                .nameIfUnknown(f.last().accountName()));
        return new QuarterHistory(plan.quarter(), plan.organizationId(), source, runs, ordered,
                List.copyOf(accounts.values()), asOf);
    }

    private RunRecord apply(Candidate candidate, int run, Map<String, FindingState> findings,
                            Map<String, AccountStats> accounts) {
        RunFolder folder = candidate.folder();
        LocalDate day = folder.day();
        Path findingsFile = verified(folder, candidate.manifest(), FINDINGS);
        Path coverageFile = verified(folder, candidate.manifest(), COVERAGE);
        try {
            List<RunCsv.AccountCoverage> coverage = new ArrayList<>();
            csv.coverage(coverageFile, coverage::add);
            Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
            Map<String, Long> byPractice = new TreeMap<>();
            long rows = csv.findings(findingsFile, s -> {
                findings.computeIfAbsent(s.findingId(), FindingState::new).seen(run, day, s);
                if (Sighting.FAIL.equals(s.status())) {
                    if (s.severity() != null) {
                        bySeverity.merge(s.severity(), 1L, Long::sum);
                    }
                    for (String practice : practices(s.wellArchitected())) {
                        byPractice.merge(practice, 1L, Long::sum);
                    }
                }
            });
            Set<String> audited = new HashSet<>();
            int failed = 0;
            for (RunCsv.AccountCoverage account : coverage) {
                accounts.computeIfAbsent(account.accountId(), AccountStats::new)
                        .record(account.accountName(), account.status(), day);
                if ("AUDITED".equals(account.status())) {
                    audited.add(account.accountId());
                } else if ("FAILED".equals(account.status())) {
                    failed++;
                }
            }
            // Only an account this run audited can show a finding is gone; a failed account says nothing.
            for (FindingState state : findings.values()) {
                if (state.lastRun() < run && audited.contains(state.accountId())) {
                    state.absentFrom(run, day);
                }
            }
            return new RunRecord(folder, candidate.manifest(), null, rows, audited.size(), failed, bySeverity,
                    byPractice);
        } finally {
            discardDownload(findingsFile);
            discardDownload(coverageFile);
        }
    }

    /** The file, fetched once, if its size and SHA-256 are the manifest's; otherwise the run is skipped. */
    private Path verified(RunFolder folder, Manifest manifest, String name) {
        ManifestFile expected = manifest.files().stream().filter(f -> name.equals(f.path())).findFirst()
                .orElseThrow(() -> new InvalidRunException("the manifest lists no " + name));
        Path file;
        try {
            file = store.fetch(folder.file(name), scratch);
        } catch (UncheckedIOException | software.amazon.awssdk.core.exception.SdkException e) {
            throw new InvalidRunException(name + " is listed in the manifest but cannot be read: " + firstLine(e));
        }
        String actual = Sha256.hex(file);
        if (!actual.equalsIgnoreCase(expected.sha256())) {
            discardDownload(file);
            throw new InvalidRunException(name + " does not match its SHA-256 in the manifest (changed or damaged "
                    + "after publishing)");
        }
        return file;
    }

    private void discardDownload(Path file) {
        if (file.startsWith(scratch)) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // The caller deletes the scratch folder anyway.
            }
        }
    }

    static List<String> practices(String wellArchitected) {
        if (wellArchitected == null || wellArchitected.isBlank()) {
            return List.of(NOT_MAPPED);
        }
        return java.util.Arrays.stream(wellArchitected.split(";")).map(String::strip).filter(p -> !p.isEmpty())
                .distinct().toList();
    }

    /** Open first, then by severity, account, rule and id, so the auditor's work is at the top. */
    private static int reportOrder(FindingState a, FindingState b) {
        return Comparator.comparing(FindingState::state)
                .thenComparing(f -> f.severity() == null ? Severity.values().length : f.severity().ordinal())
                .thenComparing(FindingState::accountId, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(f -> f.last().ruleId(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(FindingState::findingId)
                .compare(a, b);
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}

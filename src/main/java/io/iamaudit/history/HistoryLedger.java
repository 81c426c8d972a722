package io.iamaudit.history;

import io.iamaudit.publish.StoreReadException;
import io.iamaudit.publish.VersionedObject;
import io.iamaudit.publish.RunFolder;
import io.iamaudit.publish.RunStore;
import io.iamaudit.report.ReportTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The findings ledger of one output store ({@code history/findings.csv.gz}): loaded (or rebuilt once from the
 * published runs when it is missing) before collection, and updated by read-merge-write with a compare-and-swap
 * after a run's files are published and before its pointer moves. A ledger that exists but cannot be read stops the
 * run: it is never treated as empty, which would reset every first-seen date.
 */
public final class HistoryLedger {
    public static final String PATH = "history/findings.csv.gz";
    private static final Logger log = LoggerFactory.getLogger(HistoryLedger.class);
    private static final int ATTEMPTS = 8;

    private final VersionedObject object;
    private final RunStore runs;

    public HistoryLedger(VersionedObject object, RunStore runs) {
        this.object = object;
        this.runs = runs;
    }

    /** The ledger; a missing one is rebuilt from every published run, written, and the log says so. */
    public FindingLedger load() {
        for (int attempt = 1; ; attempt++) {
            Optional<VersionedObject.Version> current = object.read();
            if (current.isPresent()) {
                return parse(current.get());
            }
            FindingLedger rebuilt = rebuild();
            if (object.replace(LedgerCsv.write(rebuilt), null) || attempt == ATTEMPTS) {
                return rebuilt;
            }
        }
    }

    /**
     * Records a published run: re-reads the ledger, applies the run, and writes it back only if nobody wrote it in
     * between (else reads and merges again), so an org run and an engineer's account-audit never lose each other's
     * updates.
     */
    public FindingLedger record(RunSightings run) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<VersionedObject.Version> current = object.read();
            FindingLedger ledger = current.map(HistoryLedger.this::parse).orElseGet(this::rebuild);
            ledger.record(run);
            if (object.replace(LedgerCsv.write(ledger), current.map(VersionedObject.Version::tag).orElse(null))) {
                log.info("run {}: findings ledger {} updated for {} audited accounts ({} findings in the ledger)",
                        run.runId(), object.address(), run.audited().size(), ledger.size());
                return ledger;
            }
            log.info("run {}: findings ledger {} changed while updating it; merging again", run.runId(),
                    object.address());
        }
        throw new IllegalStateException("findings ledger " + object.address() + " kept changing: "
                + ATTEMPTS + " attempts to update it failed");
    }

    public String address() {
        return object.address();
    }

    private FindingLedger parse(VersionedObject.Version version) {
        try {
            return LedgerCsv.read(version.content());
        } catch (IOException | RuntimeException e) {
            throw new StoreReadException("cannot read the findings ledger " + object.address() + ": "
                    + e.getMessage() + "; it was left as is (restore it, or delete it to rebuild it from the "
                    + "published runs)");
        }
    }

    /** Replays every published run in start order, one run's findings in memory at a time. */
    private FindingLedger rebuild() {
        PublishedRunReader reader = new PublishedRunReader(runs, ReportTemplate.loadDefault());
        record Published(RunFolder folder, java.time.Instant startedAt) {
        }
        List<Published> published = runs.allRuns().stream().filter(RunFolder::hasManifest)
                .map(f -> new Published(f, reader.manifest(f).startedAt()))
                .sorted(Comparator.comparing(Published::startedAt)).toList();
        FindingLedger ledger = new FindingLedger();
        published.forEach(p -> ledger.record(reader.read(p.folder())));
        log.info("findings ledger {} is missing: rebuilt from the manifests and findings of {} published runs "
                + "({} findings)", object.address(), published.size(), ledger.size());
        return ledger;
    }
}

package io.iamaudit.collect;

import io.iamaudit.collect.FindingSpool.SpooledFinding;
import io.iamaudit.stage.AccessAnalyzerState;
import io.iamaudit.stage.AccessAnalyzerState.AnalyzerFinding;
import io.iamaudit.stage.AuthorizationDetails;
import io.iamaudit.stage.Collected;
import io.iamaudit.stage.IamRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The organization's Access Analyzer findings for one run's collection, read in the background by one
 * {@link OrganizationFindingsReader} (one paced listing per organization analyzer) while the partitions read IAM.
 *
 * <p>An account's findings are complete only when the listing has ended (AWS documents no order by account). A
 * partition that finishes its IAM reads first does not wait: it stages its snapshot and hands {@link #whenComplete}
 * what is left to do, which runs on the reader's thread when the listing ends. No partition thread is ever held by
 * the shared quota, and no account's IAM data is held in memory while the listing runs.
 *
 * <p>Calls are counted in {@link #calls()}: the listing serves every account at once, so it is the run's, not an
 * account's.
 */
public final class OrganizationFindings implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OrganizationFindings.class);

    /** What a snapshot says of its Access Analyzer data until the organization's listing has ended. */
    public static final String PENDING = "organization findings not read yet (the listing had not ended)";

    private final OrgAnalyzers org;
    private final CallCounter calls = new CallCounter();
    private final AccessAnalyzerClient client;
    private final FindingSpool spool;
    private final Set<String> accounts;
    private final Object lock = new Object();
    private final List<Runnable> waiting = new ArrayList<>();
    private final CountDownLatch settled = new CountDownLatch(1);
    private final Thread reader;
    private boolean ended;
    private volatile String listingError;
    private volatile Map<String, String> failedAccounts = Map.of();
    private volatile long listingMillis;

    private OrganizationFindings(OrgAnalyzers org, Set<String> accounts, Path spoolDirectory) {
        this.org = org;
        this.accounts = Set.copyOf(accounts);
        this.client = org.clientCountingInto(calls);
        this.spool = new FindingSpool(spoolDirectory);
        this.reader = new Thread(this::read, "org-findings");
        reader.setDaemon(true);
    }

    /**
     * Starts listing the organization analyzers' findings of {@code accounts} in the background.
     *
     * @param org            the organization's analyzers; at least one ACTIVE
     * @param spoolDirectory where the findings are staged per account until read (deleted on close)
     */
    public static OrganizationFindings start(OrgAnalyzers org, Set<String> accounts, Path spoolDirectory) {
        if (org.active().isEmpty()) {
            throw new IllegalArgumentException("no active organization analyzer: " + org.note());
        }
        OrganizationFindings findings = new OrganizationFindings(org, accounts, spoolDirectory);
        findings.reader.start();
        return findings;
    }

    private void read() {
        long start = System.nanoTime();
        try {
            failedAccounts = Map.copyOf(new OrganizationFindingsReader(org.active(), client, accounts, spool).read());
        } catch (RuntimeException e) {
            listingError = AwsErrors.describe(e);
            log.warn("Access Analyzer: the organization's findings could not be listed ({}): the Access Analyzer"
                    + " rules are not evaluated in this run's accounts", listingError);
        } finally {
            listingMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            List<Runnable> deferred;
            synchronized (lock) {
                ended = true;
                deferred = List.copyOf(waiting);
                waiting.clear();
            }
            deferred.forEach(OrganizationFindings::runGuarded);
            settled.countDown();
        }
    }

    private static void runGuarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("Access Analyzer: staging an account's organization findings failed", e);
        }
    }

    /** Whether the listing has ended, so every account's findings are complete. */
    public boolean ended() {
        synchronized (lock) {
            return ended;
        }
    }

    /**
     * Runs {@code ready} once every account's findings are complete: now, on the caller's thread, when the listing
     * has ended; otherwise on the reader's thread when it ends.
     *
     * @return true when {@code ready} ran now
     */
    public boolean whenComplete(Runnable ready) {
        synchronized (lock) {
            if (!ended) {
                waiting.add(ready);
                return false;
            }
        }
        ready.run();
        return true;
    }

    /**
     * The account's Access Analyzer data set; call only once complete ({@link #ended()}, or from
     * {@link #whenComplete}). A listing that failed, or one finding of the account whose details could not be read,
     * makes it missing: the Access Analyzer rules are then not evaluated for the account, never passed.
     *
     * @param roleLastUse the account's roles (ARN to RoleLastUsed date, {@code null} for never) as its authorization
     *                    details list them; {@code null} when they were not collected
     */
    public Collected<AccessAnalyzerState> state(String accountId, Map<String, Instant> roleLastUse) {
        if (!ended()) {
            throw new IllegalStateException("the organization's findings are still being listed");
        }
        if (listingError != null) {
            return Collected.failed("organization findings not listed: " + listingError);
        }
        String failed = failedAccounts.get(accountId);
        if (failed != null) {
            return Collected.failed(failed);
        }
        try {
            List<AnalyzerFinding> findings = new ArrayList<>();
            for (SpooledFinding spooled : spool.read(accountId)) {
                findings.add(complete(spooled, roleLastUse == null ? Map.of() : roleLastUse));
            }
            return Collected.of(new AccessAnalyzerState(org.analyzers(), findings));
        } catch (RuntimeException e) {
            return Collected.failed(AwsErrors.describe(e));
        }
    }

    /** An unused role's last use from the account's IAM data, or from AWS's details for a role IAM did not list. */
    private AnalyzerFinding complete(SpooledFinding spooled, Map<String, Instant> roleLastUse) {
        AnalyzerFinding f = spooled.finding();
        if (!spooled.lastUseFromIam()) {
            return f;
        }
        if (!roleLastUse.containsKey(f.resource())) {
            return AccessAnalyzerCollector.details(client, f.analyzerArn(), f.id());
        }
        return new AnalyzerFinding(f.id(), f.analyzerArn(), f.findingType(), f.resource(), f.resourceType(),
                f.resourceOwnerAccount(), f.status(), f.createdAt(), f.updatedAt(), f.principal(), f.actions(),
                f.isPublic(), f.unusedPermissions(), f.accessKeyId(), roleLastUse.get(f.resource()));
    }

    /** The roles' last use as {@link #state} wants it; {@code null} when the authorization details are missing. */
    public static Map<String, Instant> roleLastUse(Collected<AuthorizationDetails> authorization) {
        if (authorization == null || authorization.missing()) {
            return null;
        }
        Map<String, Instant> lastUse = new HashMap<>();
        for (IamRole role : authorization.value().roles()) {
            lastUse.put(role.arn(), role.lastUsedDate());
        }
        return lastUse;
    }

    /** Waits until the listing has ended and every deferred account is staged. */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return settled.await(timeout, unit);
    }

    /** The run-level calls: the listings, the findings' details, and unused roles IAM did not list. */
    public CallCounter calls() {
        return calls;
    }

    public long listingMillis() {
        return listingMillis;
    }

    @Override
    public void close() {
        if (reader.isAlive()) {
            reader.interrupt();
            try {
                reader.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        client.close();
        spool.close();
    }
}

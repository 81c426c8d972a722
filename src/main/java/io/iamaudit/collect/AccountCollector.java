package io.iamaudit.collect;

import io.iamaudit.stage.AccessAnalyzerState;
import io.iamaudit.stage.AccountRef;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.AuthorizationDetails;
import io.iamaudit.stage.Collected;
import io.iamaudit.stage.CredentialReport;
import io.iamaudit.stage.OrganizationFeatures;
import io.iamaudit.stage.PrincipalLastAccessed;
import software.amazon.awssdk.services.iam.IamClient;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Collects one account: starts the credential report first, reads the authorization details (whose users and roles
 * are the principals of the last-accessed jobs, started next), runs the
 * synchronous collectors while AWS works, then waits for the asynchronous results. In an {@code org-audit} the
 * organization analyzers' findings are read once for every account by {@link OrganizationFindings}, and the snapshot
 * leaves them pending. Otherwise (one account, or a restart of a few) they are listed per account on a thread of
 * their own from then on: the organization's findings share one quota, and a partition that waited for its IAM reads
 * before queueing for that quota would leave it idle at the start and everyone waiting at the end. Each data set is collected on its own: one failing is recorded in its {@link Collected} and the account is
 * still audited. Only when nothing at all could be read is the account reported as inaccessible.
 */
public final class AccountCollector implements AutoCloseable {

    private final CollectorSettings settings;
    private final Clock clock;
    private final ExecutorService findingsReaders = Executors.newCachedThreadPool(daemonThreads("findings-"));

    public AccountCollector(CollectorSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger next = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + next.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * @param org the organization's analyzers, looked up once per run ({@link OrgAnalyzers#none} when unknown)
     * @throws AccountAccessException when every data set failed, e.g. the role lacks IAM read permissions
     */
    public AccountCollection collect(AccountSession session, AccountRef account, OrgAnalyzers org) {
        return collect(session, account, org, false);
    }

    /**
     * @param findingsReadOrganizationWide the organization's findings are read by {@link OrganizationFindings}: the
     *                                     snapshot's Access Analyzer data set is left {@link OrganizationFindings#PENDING}
     */
    public AccountCollection collect(AccountSession session, AccountRef account, OrgAnalyzers org,
                                     boolean findingsReadOrganizationWide) {
        IamClient iam = session.clients().iam();
        CredentialReportCollector credentialReports =
                new CredentialReportCollector(iam, settings.credentialReportPoller());
        LastAccessedCollector lastAccessed = new LastAccessedCollector(iam, settings.lastAccessedPoller());

        // a failure to start is not final: await() generates again and reports the error if it persists
        attempt(credentialReports::start);
        Collected<AuthorizationDetails> authorization =
                attempt(new AuthorizationDetailsCollector(iam, settings.authorizationPageSize())::collect);
        // the principals come from the bulk call we make anyway: no ListUsers/ListRoles, no extra permission
        Collected<LastAccessedCollector.StartedJobs> jobs = authorization.missing()
                ? Collected.failed("no principal list: authorization details not collected (" + authorization.error() + ")")
                : attempt(() -> lastAccessed.start(principalArns(authorization.value())));
        AccessAnalyzerCollector analyzerCollector = new AccessAnalyzerCollector(org, session, account.accountId(),
                authorization.get().orElse(null));
        CompletableFuture<Collected<AccessAnalyzerState>> findings = findingsReadOrganizationWide
                ? CompletableFuture.completedFuture(Collected.failed(OrganizationFindings.PENDING))
                : CompletableFuture.supplyAsync(() -> attempt(analyzerCollector::collect), findingsReaders);
        var passwordPolicy = attempt(new PasswordPolicyCollector(iam)::collect);
        var summary = attempt(new AccountSummaryCollector(iam)::collect);
        var identityProviders = attempt(new IdentityProviderCollector(iam)::collect);
        var mfaDevices = attempt(new MfaDeviceCollector(iam)::collect);
        var certificates = attempt(new ServerCertificateCollector(iam)::collect);
        var secrets = attempt(() -> collectSecrets(session));
        // an organization-wide answer, allowed only where the runner works from: read there, once per run
        Collected<OrganizationFeatures> organizationFeatures = session.assumedRole() ? null
                : attempt(new OrganizationFeaturesCollector(iam)::collect);
        Collected<CredentialReport> credentialReport = attempt(credentialReports::await);
        Collected<List<PrincipalLastAccessed>> lastAccessedData = jobs.missing()
                ? Collected.failed(jobs.error()) : attempt(() -> lastAccessed.await(jobs.value()));
        Collected<AccessAnalyzerState> accessAnalyzer = findings.join();

        AccountSnapshot snapshot = new AccountSnapshot(account, clock.instant(), credentialReport, authorization,
                passwordPolicy, summary, identityProviders, mfaDevices, certificates, lastAccessedData,
                accessAnalyzer, organizationFeatures, secrets);
        AccountCollection collection = new AccountCollection(snapshot, session.counter().counts(),
                session.counter().throttledCounts());
        if (collection.nothingCollected()) {
            throw new AccountAccessException(account.accountId(), null,
                    "no data set could be collected, e.g. authorization: " + authorization.error(), null);
        }
        return collection;
    }

    private io.iamaudit.stage.SecretsInventory collectSecrets(AccountSession session) {
        try (var account = session.account()) {
            return new SecretsCollector(new AccountRegions(settings.regions()), account, session::secretsManager)
                    .collect();
        }
    }

    @Override
    public void close() {
        findingsReaders.shutdownNow();
    }

    private static List<String> principalArns(AuthorizationDetails authorization) {
        List<String> arns = new java.util.ArrayList<>();
        authorization.users().forEach(u -> arns.add(u.arn()));
        authorization.roles().forEach(r -> arns.add(r.arn()));
        return arns;
    }

    private static <T> Collected<T> attempt(Supplier<T> collector) {
        try {
            return Collected.of(collector.get());
        } catch (RuntimeException e) {
            return Collected.failed(AwsErrors.describe(e));
        }
    }
}

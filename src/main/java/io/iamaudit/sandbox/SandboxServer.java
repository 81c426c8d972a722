package io.iamaudit.sandbox;

import com.sun.net.httpserver.HttpServer;
import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.sandbox.handler.AccessAnalyzerHandler;
import io.iamaudit.sandbox.handler.AccountHandler;
import io.iamaudit.sandbox.handler.SecretsManagerHandler;
import io.iamaudit.sandbox.handler.IamHandler;
import io.iamaudit.sandbox.handler.OrganizationsHandler;
import io.iamaudit.sandbox.handler.SandboxContext;
import io.iamaudit.sandbox.handler.SecurityHubHandler;
import io.iamaudit.sandbox.handler.StsHandler;
import io.iamaudit.sandbox.scenario.Scenario;
import io.iamaudit.sandbox.scenario.ScenarioValidator;
import io.iamaudit.sandbox.state.CredentialReports;
import io.iamaudit.sandbox.state.LastAccessedJobs;
import io.iamaudit.sandbox.state.OrganizationState;
import io.iamaudit.sandbox.state.SessionStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local AWS-compatible organization: one HTTP endpoint on 127.0.0.1 serving IAM, STS, Organizations and Access
 * Analyzer over their real wire protocols, for the unmodified AWS SDK for Java v2 and the AWS CLI.
 *
 * <pre>{@code
 * try (SandboxServer sandbox = SandboxServer.start(Scenarios.demo(), SandboxProfile.instant(), 0)) {
 *     IamClient iam = IamClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
 *             .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
 *                     sandbox.managementCredentials().accessKeyId(), sandbox.managementCredentials().secretAccessKey())))
 *             .build();
 * }
 * }</pre>
 */
public final class SandboxServer implements AutoCloseable {

    private final HttpServer http;
    private final ExecutorService executor;
    private final OrganizationState org;
    private final SandboxStats stats = new SandboxStats();
    private final SandboxFaults faults;
    private final SecurityHubHandler securityHub = new SecurityHubHandler();

    private SandboxServer(Scenario scenario, SandboxProfile profile, int port) throws IOException {
        ScenarioValidator.validate(scenario);
        this.org = new OrganizationState(scenario, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        this.faults = new SandboxFaults(profile);
        SessionStore sessions = new SessionStore();
        SandboxContext ctx = new SandboxContext(org, sessions,
                new CredentialReports(faults::credentialReportDelay), new LastAccessedJobs(faults::lastAccessedDelay),
                ActionCatalog.bundled(), faults::assumeRoleDenied);
        SandboxRouter router = new SandboxRouter(List.of(new IamHandler(ctx), new StsHandler(ctx),
                new OrganizationsHandler(ctx), new AccessAnalyzerHandler(ctx), new SecretsManagerHandler(ctx),
                new AccountHandler(ctx), securityHub), org, sessions, profile, faults, stats);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(profile.threads(), r -> {
            Thread t = new Thread(r, "sandbox-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        http.createContext("/", router);
        http.setExecutor(executor);
        http.start();
    }

    /**
     * Starts a sandbox serving the scenario.
     *
     * @param port 0 for any free port
     * @throws IllegalArgumentException when the scenario is invalid
     */
    public static SandboxServer start(Scenario scenario, SandboxProfile profile, int port) {
        try {
            return new SandboxServer(scenario, profile, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sandbox on port " + port, e);
        }
    }

    /** The demo organization, no latency, any free port: what most tests want. */
    public static SandboxServer start(Scenario scenario) {
        return start(scenario, SandboxProfile.instant(), 0);
    }

    /** {@code http://127.0.0.1:<port>}, for every service's endpointOverride. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** The management account's base credentials. */
    public SandboxCredentials managementCredentials() {
        return SandboxCredentials.MANAGEMENT;
    }

    public SandboxStats stats() {
        return stats;
    }

    /** The faults in force, changeable while the server runs. */
    public SandboxFaults faults() {
        return faults;
    }

    public Scenario scenario() {
        return org.scenario();
    }

    /** The findings imported into Security Hub so far (what an audit run with {@code --security-hub} sent). */
    public List<SecurityHubHandler.Imported> securityHubImports() {
        return securityHub.imported();
    }

    /** The management account id. */
    public String managementAccountId() {
        return org.managementAccountId();
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }
}

package io.iamaudit.collect;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.time.Duration;

/**
 * Builds the AWS clients of the audit over one shared Apache HTTP connection pool. IAM and Organizations are global
 * services, served and signed in their partition's home region (us-east-1 in the commercial partition); STS and
 * Access Analyzer use the configured region. Every client carries a retry
 * strategy suited to throttling and the {@link CallCounter} of the account it works for.
 */
public final class AwsClientFactory implements AutoCloseable {

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(20);
    private static final Duration BASE_BACKOFF = Duration.ofMillis(100);

    private final AwsSettings settings;
    private final SdkHttpClient httpClient;
    private final SharedQuotas sharedQuotas;
    private final boolean pacesAccessAnalyzer;
    private final boolean ownsHttpClient;

    /**
     * The pacers of the quotas one organization shares, whoever calls; {@code null} leaves a service unpaced (its
     * retries still back off).
     */
    public record SharedQuotas(RequestPacer organizations, RequestPacer accessAnalyzer, RequestPacer assumeRole) {
        public SharedQuotas(RequestPacer organizations, RequestPacer accessAnalyzer) {
            this(organizations, accessAnalyzer, null);
        }

        public static SharedQuotas none() {
            return new SharedQuotas(null, null, null);
        }
    }

    public AwsClientFactory(AwsSettings settings) {
        this(settings, 64, SharedQuotas.none());
    }

    /** @param maxConnections the connection pool every client shares: at least one per parallel partition */
    public AwsClientFactory(AwsSettings settings, int maxConnections, SharedQuotas sharedQuotas) {
        this.settings = settings;
        this.httpClient = ApacheHttpClient.builder()
                .maxConnections(maxConnections)
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(60))
                .build();
        this.sharedQuotas = sharedQuotas;
        this.pacesAccessAnalyzer = false;
        this.ownsHttpClient = true;
    }

    private AwsClientFactory(AwsSettings settings, SdkHttpClient httpClient, SharedQuotas sharedQuotas) {
        this.settings = settings;
        this.httpClient = httpClient;
        this.sharedQuotas = sharedQuotas;
        this.pacesAccessAnalyzer = true;
        this.ownsHttpClient = false;
    }

    /**
     * The same factory (and connection pool) for clients every partition shares against one quota, such as the
     * organization's analyzers in the delegated administrator: its Access Analyzer clients go through the shared
     * {@link RequestPacer}, and retry ADAPTIVE-ly (a client-side rate limiter that slows down after throttling, where
     * standard retries let each thread keep hammering the shared bucket until its attempts run out) in case the
     * quota is lower than configured. Closing it leaves the pool to this factory.
     */
    public AwsClientFactory forSharedQuota() {
        return new AwsClientFactory(new AwsSettings(settings.region(), settings.endpointOverride(),
                settings.credentials(), settings.maxAttempts(), RetryMode.ADAPTIVE_V2, settings.throttlingBaseDelay()),
                httpClient, sharedQuotas);
    }

    public AwsSettings settings() {
        return settings;
    }

    /** Clients acting with the base credentials (the management account, or the audited account itself). */
    public AwsClients baseClients(CallCounter counter) {
        return clients(settings.credentials(), counter);
    }

    public AwsClients clients(AwsCredentialsProvider credentials, CallCounter counter) {
        return new AwsClients(() -> iam(credentials, counter), () -> sts(credentials, counter),
                () -> organizations(credentials, counter), () -> accessAnalyzer(credentials, counter));
    }

    public IamClient iam(AwsCredentialsProvider credentials, CallCounter counter) {
        return configure(IamClient.builder(), globalServiceRegion(settings.region()), credentials, counter).build();
    }

    public StsClient sts(AwsCredentialsProvider credentials, CallCounter counter) {
        return configure(StsClient.builder(), settings.region(), credentials, counter).build();
    }

    /**
     * STS for assuming the audit role in member accounts: every partition calls it with the runner's credentials,
     * so they share the runner account's STS quota, and it goes through that quota's pacer when one is set.
     */
    public StsClient assumeRoleSts(CallCounter counter) {
        return configure(StsClient.builder(), settings.region(), settings.credentials(), counter,
                sharedQuotas.assumeRole()).build();
    }

    public OrganizationsClient organizations(AwsCredentialsProvider credentials, CallCounter counter) {
        return configure(OrganizationsClient.builder(), globalServiceRegion(settings.region()), credentials, counter,
                sharedQuotas.organizations()).build();
    }

    public AccessAnalyzerClient accessAnalyzer(AwsCredentialsProvider credentials, CallCounter counter) {
        return configure(AccessAnalyzerClient.builder(), settings.region(), credentials, counter,
                pacesAccessAnalyzer ? sharedQuotas.accessAnalyzer() : null).build();
    }

    /**
     * Security Hub in the configured region (it is regional: findings go to the region the run is configured for),
     * paced by {@code pacer} when one is given.
     */
    public SecurityHubClient securityHub(AwsCredentialsProvider credentials, CallCounter counter, RequestPacer pacer) {
        return configure(SecurityHubClient.builder(), settings.region(), credentials, counter, pacer).build();
    }

    /**
     * Secrets Manager in one region. Its quotas are per account and region (GetResourcePolicy: 50 per second), so the
     * pacer is the caller's own for that one account and region, not a shared one.
     */
    public SecretsManagerClient secretsManager(AwsCredentialsProvider credentials, CallCounter counter, Region region,
                                               RequestPacer pacer) {
        return configure(SecretsManagerClient.builder(), region, credentials, counter, pacer).build();
    }

    /** Account Management (ListRegions): a global service, like IAM signed in its partition's home region. */
    public AccountClient account(AwsCredentialsProvider credentials, CallCounter counter) {
        return configure(AccountClient.builder(), globalServiceRegion(settings.region()), credentials, counter).build();
    }

    /**
     * Where a partition's global services (IAM, Organizations) live. A region rather than {@code aws-global}, so a
     * request to an overridden endpoint is still signed for the region AWS expects.
     */
    static Region globalServiceRegion(Region configured) {
        String id = configured.id();
        if (id.startsWith("cn-")) {
            return Region.CN_NORTH_1;
        }
        if (id.startsWith("us-gov-")) {
            return Region.US_GOV_WEST_1;
        }
        return Region.US_EAST_1;
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, Region region, AwsCredentialsProvider credentials, CallCounter counter) {
        return configure(builder, region, credentials, counter, null);
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, Region region, AwsCredentialsProvider credentials, CallCounter counter, RequestPacer pacer) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .retryStrategy(retryStrategy());
        if (pacer != null) {
            // before the counter: a call counts when it is sent, after its wait for a slot
            override.addExecutionInterceptor(pacer);
        }
        override.addExecutionInterceptor(counter);
        builder.region(region)
                .credentialsProvider(credentials)
                .httpClient(httpClient)
                .overrideConfiguration(override.build());
        if (settings.endpointOverride() != null) {
            builder.endpointOverride(settings.endpointOverride());
        }
        return builder;
    }

    /**
     * Exponential backoff with full jitter, throttling errors starting from a longer base. The standard strategy's
     * circuit breaker is off: in a batch that fans out over accounts, a burst of throttling must slow the run down,
     * not turn retries off for everything that follows.
     */
    RetryStrategy retryStrategy() {
        Duration throttlingBase = settings.throttlingBaseDelay() == null
                ? Duration.ofSeconds(1) : settings.throttlingBaseDelay();
        BackoffStrategy backoff = BackoffStrategy.exponentialDelay(BASE_BACKOFF, MAX_BACKOFF);
        BackoffStrategy throttlingBackoff = BackoffStrategy.exponentialDelay(throttlingBase, MAX_BACKOFF);
        if (settings.retryMode() == RetryMode.STANDARD) {
            return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                    .maxAttempts(settings.maxAttempts())
                    .backoffStrategy(backoff)
                    .throttlingBackoffStrategy(throttlingBackoff)
                    .circuitBreakerEnabled(false)
                    .build();
        }
        return AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                .maxAttempts(settings.maxAttempts())
                .backoffStrategy(backoff)
                .throttlingBackoffStrategy(throttlingBackoff)
                .build();
    }

    @Override
    public void close() {
        if (ownsHttpClient) {
            httpClient.close();
        }
    }
}

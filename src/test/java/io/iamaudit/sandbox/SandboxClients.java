package io.iamaudit.sandbox;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real AWS SDK v2 clients pointed at a sandbox, as the pipeline builds them. */
final class SandboxClients implements AutoCloseable {

    private final SdkHttpClient http = ApacheHttpClient.create();
    private final URI endpoint;
    private final StaticCredentialsProvider credentials;
    private final ClientOverrideConfiguration override;
    /** Built once per kind: building an SDK client costs more than most sandbox calls. */
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();
    private SandboxClients noRetries;

    private SandboxClients(URI endpoint, AwsCredentials credentials, ClientOverrideConfiguration override) {
        this.endpoint = endpoint;
        this.credentials = StaticCredentialsProvider.create(credentials);
        this.override = override;
    }

    /** Clients with the management account's base credentials and the SDK's default retries. */
    static SandboxClients management(SandboxServer server) {
        SandboxCredentials c = server.managementCredentials();
        return new SandboxClients(server.endpoint(), AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey()),
                ClientOverrideConfiguration.builder().build());
    }

    /** Clients with assumed-role session credentials. */
    static SandboxClients session(SandboxServer server, Credentials c) {
        return new SandboxClients(server.endpoint(),
                AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()),
                ClientOverrideConfiguration.builder().build());
    }

    /** The same credentials without retries, to observe errors as the service sent them. */
    synchronized SandboxClients noRetries() {
        if (noRetries == null) {
            noRetries = new SandboxClients(endpoint, credentials.resolveCredentials(),
                    ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).build());
        }
        return noRetries;
    }

    IamClient iam() {
        return (IamClient) clients.computeIfAbsent("iam", k -> IamClient.builder().endpointOverride(endpoint)
                .region(Region.US_EAST_1).credentialsProvider(credentials).httpClient(http)
                .overrideConfiguration(override).build());
    }

    StsClient sts() {
        return (StsClient) clients.computeIfAbsent("sts", k -> StsClient.builder().endpointOverride(endpoint)
                .region(Region.US_EAST_1).credentialsProvider(credentials).httpClient(http)
                .overrideConfiguration(override).build());
    }

    OrganizationsClient organizations() {
        return (OrganizationsClient) clients.computeIfAbsent("organizations", k -> OrganizationsClient.builder()
                .endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials).httpClient(http)
                .overrideConfiguration(override).build());
    }

    AccessAnalyzerClient accessAnalyzer() {
        return (AccessAnalyzerClient) clients.computeIfAbsent("access-analyzer", k -> AccessAnalyzerClient.builder()
                .endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials).httpClient(http)
                .overrideConfiguration(override).build());
    }

    /** Assumes the audit role in an account and returns clients acting there. */
    SandboxClients assume(SandboxServer server, String accountId) {
        Credentials c = sts().assumeRole(r -> r.roleArn("arn:aws:iam::" + accountId
                + ":role/OrganizationAccountAccessRole").roleSessionName("iam-audit")).credentials();
        return session(server, c);
    }

    @Override
    public void close() {
        if (noRetries != null) {
            noRetries.close();
        }
        clients.values().forEach(SdkClient::close);
        http.close();
    }
}

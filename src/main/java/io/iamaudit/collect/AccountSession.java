package io.iamaudit.collect;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * The clients that act inside one audited account. A member account is entered with STS AssumeRole through a
 * refreshing credentials provider, so a long collection never runs on expired credentials; the management account
 * (or the account the caller already is in) uses the base credentials. Every call, AssumeRole included, is counted
 * in this session's {@link CallCounter}.
 */
public final class AccountSession implements AutoCloseable {

    private final AwsClientFactory factory;
    private final AwsCredentialsProvider credentials;
    private final String accountId;
    private final CallCounter counter;
    private final AwsClients clients;
    private final StsClient assumeRoleSts;
    private final StsAssumeRoleCredentialsProvider roleCredentials;

    private AccountSession(AwsClientFactory factory, AwsCredentialsProvider credentials, String accountId,
                           CallCounter counter, AwsClients clients, StsClient assumeRoleSts,
                           StsAssumeRoleCredentialsProvider roleCredentials) {
        this.factory = factory;
        this.credentials = credentials;
        this.accountId = accountId;
        this.counter = counter;
        this.clients = clients;
        this.assumeRoleSts = assumeRoleSts;
        this.roleCredentials = roleCredentials;
    }

    /** A session with the base credentials, for the management account or a single-account audit. */
    public static AccountSession direct(AwsClientFactory factory, String accountId) {
        return direct(factory, accountId, new CallCounter());
    }

    private static AccountSession direct(AwsClientFactory factory, String accountId, CallCounter counter) {
        return new AccountSession(factory, factory.settings().credentials(), accountId, counter,
                factory.baseClients(counter), null, null);
    }

    /**
     * Opens a session into {@code accountId}: the base credentials when it is the management account, otherwise an
     * assumed role. AssumeRole is tried here, so a refusal surfaces now as an {@link AccountAccessException}.
     */
    public static AccountSession open(AwsClientFactory factory, String accountId, String managementAccountId,
                                      AssumeRoleSettings role) {
        return open(factory, accountId, managementAccountId, role, new CallCounter());
    }

    /**
     * As {@link #open(AwsClientFactory, String, String, AssumeRoleSettings)}, counting into the caller's counter, so
     * the calls of a refused AssumeRole are still known.
     */
    public static AccountSession open(AwsClientFactory factory, String accountId, String managementAccountId,
                                      AssumeRoleSettings role, CallCounter counter) {
        if (accountId.equals(managementAccountId)) {
            return direct(factory, accountId, counter);
        }
        StsClient sts = factory.assumeRoleSts(counter);
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(assumeRoleRequest(accountId, role))
                .build();
        try {
            provider.resolveCredentials();
        } catch (SdkException e) {
            provider.close();
            sts.close();
            throw accessFailure(accountId, role, e);
        }
        AwsClients clients = factory.clients(provider, counter);
        return new AccountSession(factory, provider, accountId, counter, clients, sts, provider);
    }

    static AssumeRoleRequest assumeRoleRequest(String accountId, AssumeRoleSettings role) {
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
                .roleArn(role.roleArn(accountId))
                .roleSessionName(role.roleSessionName());
        if (role.externalId() != null) {
            request.externalId(role.externalId());
        }
        if (role.sourceIdentity() != null) {
            request.sourceIdentity(role.sourceIdentity());
        }
        return request.build();
    }

    private static AccountAccessException accessFailure(String accountId, AssumeRoleSettings role, SdkException e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof AwsServiceException)) {
            cause = cause.getCause();
        }
        String action = "cannot assume " + role.roleArn(accountId) + ": ";
        if (cause instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            return new AccountAccessException(accountId, aws.awsErrorDetails().errorCode(),
                    action + aws.awsErrorDetails().errorMessage(), e);
        }
        return new AccountAccessException(accountId, null, action + e.getMessage(), e);
    }

    public String accountId() {
        return accountId;
    }

    public AwsClients clients() {
        return clients;
    }

    public CallCounter counter() {
        return counter;
    }

    /**
     * An extra Access Analyzer client acting in this account but counting into another account's counter: the
     * organization analyzer's findings about account X are read here, and are X's calls. The caller closes it.
     */
    public AccessAnalyzerClient accessAnalyzerCountingInto(CallCounter otherCounter) {
        return factory.accessAnalyzer(credentials, otherCounter);
    }

    /** A Security Hub client acting in this account (findings of an account are imported by that account). */
    public software.amazon.awssdk.services.securityhub.SecurityHubClient securityHub(RequestPacer pacer) {
        return factory.securityHub(credentials, counter, pacer);
    }

    /** A Secrets Manager client in {@code region} acting in this account and counting into its counter. */
    public software.amazon.awssdk.services.secretsmanager.SecretsManagerClient secretsManager(
            software.amazon.awssdk.regions.Region region, RequestPacer pacer) {
        return factory.secretsManager(credentials, counter, region, pacer);
    }

    /** An Account Management client acting in this account (its own regions: no AccountId parameter needed). */
    public software.amazon.awssdk.services.account.AccountClient account() {
        return factory.account(credentials, counter);
    }

    public boolean assumedRole() {
        return roleCredentials != null;
    }


    @Override
    public void close() {
        clients.close();
        if (roleCredentials != null) {
            roleCredentials.close();
        }
        if (assumeRoleSts != null) {
            assumeRoleSts.close();
        }
    }
}

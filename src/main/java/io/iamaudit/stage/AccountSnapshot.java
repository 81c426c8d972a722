package io.iamaudit.stage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything collected about one account in one run. Each data set carries its own success or failure, so a rule can
 * tell "no data" from "nothing wrong".
 *
 * @param passwordPolicy empty Optional when the account has no password policy (NoSuchEntity)
 * @param lastAccessed   one entry per user and role; individual principals may carry their own error
 * @param organizationFeatures the organization's centralized root access features: read once per run, in the
 *                       account the runner works from (management account or delegated administrator); {@code null}
 *                       in every other account's snapshot
 * @param secrets        Secrets Manager, region by region; staged in a table of its own ({@code stg_secret_region});
 *                       {@code null} in snapshots built without it (then the secret rules are not evaluated)
 */
public record AccountSnapshot(AccountRef account, Instant collectedAt,
                              Collected<CredentialReport> credentialReport,
                              Collected<AuthorizationDetails> authorization,
                              Collected<Optional<PasswordPolicy>> passwordPolicy,
                              Collected<AccountSummary> summary,
                              Collected<List<IdentityProvider>> identityProviders,
                              Collected<List<MfaDevice>> virtualMfaDevices,
                              Collected<List<ServerCertificate>> serverCertificates,
                              Collected<List<PrincipalLastAccessed>> lastAccessed,
                              Collected<AccessAnalyzerState> accessAnalyzer,
                              Collected<OrganizationFeatures> organizationFeatures,
                              Collected<SecretsInventory> secrets) {

    /** A snapshot without Secrets Manager data. */
    public AccountSnapshot(AccountRef account, Instant collectedAt, Collected<CredentialReport> credentialReport,
                           Collected<AuthorizationDetails> authorization,
                           Collected<Optional<PasswordPolicy>> passwordPolicy, Collected<AccountSummary> summary,
                           Collected<List<IdentityProvider>> identityProviders,
                           Collected<List<MfaDevice>> virtualMfaDevices,
                           Collected<List<ServerCertificate>> serverCertificates,
                           Collected<List<PrincipalLastAccessed>> lastAccessed,
                           Collected<AccessAnalyzerState> accessAnalyzer,
                           Collected<OrganizationFeatures> organizationFeatures) {
        this(account, collectedAt, credentialReport, authorization, passwordPolicy, summary, identityProviders,
                virtualMfaDevices, serverCertificates, lastAccessed, accessAnalyzer, organizationFeatures, null);
    }

    /** A snapshot of an account where the organization's features are not read. */
    public AccountSnapshot(AccountRef account, Instant collectedAt, Collected<CredentialReport> credentialReport,
                           Collected<AuthorizationDetails> authorization,
                           Collected<Optional<PasswordPolicy>> passwordPolicy, Collected<AccountSummary> summary,
                           Collected<List<IdentityProvider>> identityProviders,
                           Collected<List<MfaDevice>> virtualMfaDevices,
                           Collected<List<ServerCertificate>> serverCertificates,
                           Collected<List<PrincipalLastAccessed>> lastAccessed,
                           Collected<AccessAnalyzerState> accessAnalyzer) {
        this(account, collectedAt, credentialReport, authorization, passwordPolicy, summary, identityProviders,
                virtualMfaDevices, serverCertificates, lastAccessed, accessAnalyzer, null, null);
    }

    public AccountSnapshot withLastAccessed(Collected<List<PrincipalLastAccessed>> data) {
        return new AccountSnapshot(account, collectedAt, credentialReport, authorization, passwordPolicy, summary,
                identityProviders, virtualMfaDevices, serverCertificates, data, accessAnalyzer, organizationFeatures,
                secrets);
    }

    public AccountSnapshot withAccessAnalyzer(Collected<AccessAnalyzerState> data) {
        return new AccountSnapshot(account, collectedAt, credentialReport, authorization, passwordPolicy, summary,
                identityProviders, virtualMfaDevices, serverCertificates, lastAccessed, data, organizationFeatures,
                secrets);
    }

    public AccountSnapshot withOrganizationFeatures(Collected<OrganizationFeatures> features) {
        return new AccountSnapshot(account, collectedAt, credentialReport, authorization, passwordPolicy, summary,
                identityProviders, virtualMfaDevices, serverCertificates, lastAccessed, accessAnalyzer, features,
                secrets);
    }

    public AccountSnapshot withSecrets(Collected<SecretsInventory> data) {
        return new AccountSnapshot(account, collectedAt, credentialReport, authorization, passwordPolicy, summary,
                identityProviders, virtualMfaDevices, serverCertificates, lastAccessed, accessAnalyzer,
                organizationFeatures, data);
    }

    public Optional<PrincipalLastAccessed> lastAccessedFor(String principalArn) {
        return lastAccessed.get().flatMap(list -> list.stream()
                .filter(p -> p.principalArn().equals(principalArn)).findFirst());
    }
}

package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.Rule;

import java.util.List;

/**
 * Every rule, in report order: sign-in (BP01), long-term credentials (BP02), federation (BP04), hygiene (BP05),
 * permissions (BP06 / SEC03), then secrets (BP03).
 */
public final class Rules {
    private Rules() {
    }

    /** The bundled rules as a catalog: what the job runs, {@code rules} lists and the reports describe. */
    public static io.iamaudit.analyze.RuleCatalog catalog() {
        return new io.iamaudit.analyze.RuleCatalog(all());
    }

    public static List<Rule> all() {
        return List.of(
                new RootMfaRule(), new RootHardwareMfaRule(), new RootRecentUseRule(), new ConsoleUserMfaRule(), new UserHardwareMfaRule(),
                new AdminWithoutMfaRule(), new PasswordPolicyRule(), new PasswordLengthRule(), new PasswordReuseRule(),
                new PasswordUppercaseRule(), new PasswordLowercaseRule(), new PasswordSymbolRule(),
                new PasswordNumberRule(), new PasswordMaxAgeRule(),
                new RootAccessKeysRule(), new UserAccessKeysRule(), new TwoActiveKeysRule(),
                new KeyUnusedSinceSetupRule(), new PasswordAndKeysRule(),
                new ConsoleUsersWithFederationRule(), new NoFederationRule(),
                new KeyRotationRule(), new PasswordUnusedRule(), new KeyUnusedRule(), new InactiveUserRule(),
                new RoleUnusedRule(), new ExternalAccessAnalyzerRule(), new UnusedAccessAnalyzerRule(),
                new ExternalAccessFindingsRule(), new UnusedAccessFindingsRule(), new ExpiredCertificateRule(),
                new StaleCredentialReportRule(),
                new UserDirectPoliciesRule(), new UserWithoutGroupRule(), new EmptyGroupRule(),
                new FullAdminPolicyRule(), new ServiceWildcardRule(), new NotActionAllowRule(),
                new CriticalServiceFullAccessRule(), new InlinePoliciesRule(),
                new PrivilegeEscalationRule(), new PrivilegeEscalationConfinedRule(), new AssumeRoleAnyResourceRule(), new PassRoleAnyResourceRule(),
                new TrustAnyPrincipalRule(), new TrustExternalAccountRule(), new TrustOidcSubjectRule(),
                new TrustSamlAudienceRule(), new TrustServiceConfusedDeputyRule(), new TrustExternalBroadAccessRule(),
                new SupportRoleRule(),
                new RequiredTagsRule(), new CloudShellFullAccessRule(),
                new SecurityAuditRoleRule(), new UnattachedAdminPolicyRule(), new MarketplaceSubscribeRule(),
                new MemberRootCredentialsRule(), new DataExfiltrationRule(), new CredentialsExposureRule(),
                new ResourceExposureRule(),
                new RootCredentialsManagementRule(),
                new PolicyRiskClassesRule(), new InfrastructureModificationRule(),
                new SecretRotationEnabledRule(), new SecretRotatedOnScheduleRule(), new SecretRotatedRecentlyRule(),
                new SecretUnusedRule(), new SecretPolicyExposureRule(), new SecretRegulatedKeyRule());
    }
}

package io.iamaudit.sandbox.handler;

import io.iamaudit.sandbox.scenario.AccountSpec;
import io.iamaudit.sandbox.scenario.PasswordPolicySpec;
import io.iamaudit.sandbox.state.IamDirectory;
import io.iamaudit.sandbox.state.Ids;
import io.iamaudit.sandbox.wire.SandboxRequest;
import io.iamaudit.sandbox.wire.SandboxResponse;
import io.iamaudit.sandbox.wire.XmlWriter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Account-level IAM answers: password policy, account summary, identity providers, MFA devices and server
 * certificates.
 */
final class IamAccountSettings {

    private final IamHandler iam;

    IamAccountSettings(IamHandler iam) {
        this.iam = iam;
    }

    SandboxResponse passwordPolicy(SandboxRequest r) {
        PasswordPolicySpec p = iam.directory(r).spec().passwordPolicy();
        if (p == null) {
            throw IamHandler.noSuchEntity("The Password Policy with domain name " + r.caller().accountId()
                    + " cannot be found.");
        }
        return iam.ok(r, x -> x.start("PasswordPolicy").el("MinimumPasswordLength", p.minimumLength())
                .el("RequireSymbols", p.requireSymbols()).el("RequireNumbers", p.requireNumbers())
                .el("RequireUppercaseCharacters", p.requireUppercase())
                .el("RequireLowercaseCharacters", p.requireLowercase())
                .el("AllowUsersToChangePassword", p.allowUsersToChangePassword())
                .el("ExpirePasswords", p.maxPasswordAge() != null).el("MaxPasswordAge", p.maxPasswordAge())
                .el("PasswordReusePrevention", p.passwordReusePrevention()).el("HardExpiry", p.hardExpiry()).end());
    }

    SandboxResponse summary(SandboxRequest r) {
        IamDirectory dir = iam.directory(r);
        AccountSpec a = dir.spec();
        long mfaUsers = dir.users().stream().filter(u -> !"none".equals(u.spec().mfa())).count();
        long rootMfa = "none".equals(a.root().mfa()) ? 0 : 1;
        long customer = dir.policies().stream().filter(p -> !p.awsManaged()).count();
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("Users", (long) dir.users().size());
        m.put("UsersQuota", 5000L);
        m.put("Groups", (long) dir.groups().size());
        m.put("GroupsQuota", 300L);
        m.put("ServerCertificates", (long) a.serverCertificates().size());
        m.put("ServerCertificatesQuota", 20L);
        m.put("UserPolicySizeQuota", 2048L);
        m.put("GroupPolicySizeQuota", 5120L);
        m.put("GroupsPerUserQuota", 10L);
        m.put("SigningCertificatesPerUserQuota", 2L);
        m.put("AccessKeysPerUserQuota", 2L);
        m.put("MFADevices", mfaUsers + rootMfa);
        m.put("MFADevicesInUse", mfaUsers + rootMfa);
        m.put("AccountMFAEnabled", rootMfa);
        m.put("AccountAccessKeysPresent", dir.rootAccessKeys().isEmpty() ? 0L : 1L);
        m.put("AccountPasswordPresent", 1L);
        m.put("AccountSigningCertificatesPresent", 0L);
        m.put("AttachedPoliciesPerGroupQuota", 10L);
        m.put("AttachedPoliciesPerRoleQuota", 10L);
        m.put("AttachedPoliciesPerUserQuota", 10L);
        m.put("Policies", customer);
        m.put("PoliciesQuota", 1500L);
        m.put("PolicySizeQuota", 6144L);
        m.put("PolicyVersionsInUse", dir.policies().stream().mapToLong(IamDirectory.ManagedPolicy::attachmentCount).sum());
        m.put("PolicyVersionsInUseQuota", 10000L);
        m.put("VersionsPerPolicyQuota", 5L);
        m.put("GlobalEndpointTokenVersion", 1L);
        m.put("AssumeRolePolicySizeQuota", 2048L);
        m.put("InstanceProfiles", 0L);
        m.put("InstanceProfilesQuota", 1000L);
        m.put("Providers", (long) (a.samlProviders().size() + a.oidcProviders().size()));
        m.put("RolePolicySizeQuota", 10240L);
        m.put("Roles", (long) dir.roles().size());
        m.put("RolesQuota", 1000L);
        return iam.ok(r, x -> {
            x.start("SummaryMap");
            m.forEach((k, v) -> x.start("entry").el("key", k).el("value", v).end());
            x.end();
        });
    }

    SandboxResponse samlProviders(SandboxRequest r) {
        IamDirectory dir = iam.directory(r);
        return members(r, "SAMLProviderList", dir.spec().samlProviders(), (x, p) -> x
                .el("Arn", "arn:aws:iam::" + dir.accountId() + ":saml-provider/" + p.name())
                .el("ValidUntil", dir.now().plus(Duration.ofDays(p.validForDays())))
                .el("CreateDate", dir.ago(p.createdDaysAgo())));
    }

    SandboxResponse oidcProviders(SandboxRequest r) {
        IamDirectory dir = iam.directory(r);
        return members(r, "OpenIDConnectProviderList", dir.spec().oidcProviders(), (x, p) -> x
                .el("Arn", "arn:aws:iam::" + dir.accountId() + ":oidc-provider/" + p.url()));
    }

    /** A list AWS answers whole, without Marker or IsTruncated (ListSAMLProviders, ListOpenIDConnectProviders). */
    private <T> SandboxResponse members(SandboxRequest r, String listName, List<T> items,
                                        java.util.function.BiConsumer<XmlWriter, T> member) {
        return iam.ok(r, x -> {
            x.start(listName);
            items.forEach(item -> {
                x.start("member");
                member.accept(x, item);
                x.end();
            });
            x.end();
        });
    }

    /** Virtual MFA devices: the root's when its MFA is virtual, and each user's virtual device. */
    SandboxResponse virtualMfaDevices(SandboxRequest r) {
        IamDirectory dir = iam.directory(r);
        String acct = dir.accountId();
        List<java.util.function.Consumer<XmlWriter>> devices = new ArrayList<>();
        if ("virtual".equals(dir.spec().root().mfa())) {
            devices.add(x -> x.el("SerialNumber", "arn:aws:iam::" + acct + ":mfa/root-account-mfa-device")
                    .start("User").el("UserId", acct).el("Arn", "arn:aws:iam::" + acct + ":root")
                    .el("CreateDate", dir.ago(dir.spec().joinedDaysAgo())).end()
                    .el("EnableDate", dir.ago(dir.spec().joinedDaysAgo())));
        }
        for (IamDirectory.User u : dir.users()) {
            if ("virtual".equals(u.spec().mfa())) {
                devices.add(x -> {
                    x.el("SerialNumber", "arn:aws:iam::" + acct + ":mfa/" + u.name()).start("User");
                    IamEntityXml.user(x, dir, u);
                    x.end().el("EnableDate", u.created());
                });
            }
        }
        return iam.paged(r, "VirtualMFADevices", devices, (x, d) -> d.accept(x));
    }

    /** ListMFADevices for one user (virtual or hardware). */
    SandboxResponse mfaDevices(SandboxRequest r) {
        IamDirectory dir = iam.directory(r);
        String name = r.param("UserName");
        IamDirectory.User u = dir.users().stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> IamHandler.noSuchEntity("The user with name " + name + " cannot be found."));
        List<String> serials = switch (u.spec().mfa()) {
            case "virtual" -> List.of("arn:aws:iam::" + dir.accountId() + ":mfa/" + u.name());
            case "hardware" -> List.of("GAHT" + Ids.lower(dir.accountId() + u.name(), 8).toUpperCase());
            default -> List.of();
        };
        return iam.paged(r, "MFADevices", serials, (x, s) -> x.el("UserName", u.name()).el("SerialNumber", s)
                .el("EnableDate", u.created()));
    }

    SandboxResponse serverCertificates(SandboxRequest r) {
        IamDirectory dir = iam.directory(r);
        return iam.paged(r, "ServerCertificateMetadataList", dir.spec().serverCertificates(), (x, c) -> x
                .el("Path", c.path()).el("ServerCertificateName", c.name())
                .el("ServerCertificateId", Ids.iam("ASCA", dir.accountId() + "/cert/" + c.name()))
                .el("Arn", "arn:aws:iam::" + dir.accountId() + ":server-certificate" + c.path() + c.name())
                .el("UploadDate", dir.ago(c.uploadedDaysAgo()))
                .el("Expiration", dir.now().plus(Duration.ofDays(c.expiresInDays()))));
    }
}

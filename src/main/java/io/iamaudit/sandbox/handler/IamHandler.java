package io.iamaudit.sandbox.handler;

import io.iamaudit.sandbox.state.IamDirectory;
import io.iamaudit.sandbox.wire.AwsException;
import io.iamaudit.sandbox.wire.SandboxRequest;
import io.iamaudit.sandbox.wire.SandboxResponse;
import io.iamaudit.sandbox.wire.XmlWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * IAM (query protocol), answering for the account the caller's credentials belong to. The entity listings live
 * here; credential reports, last-accessed jobs and account-level settings have their own classes.
 */
public final class IamHandler extends QueryHandler {

    private static final Set<String> FILTERS = Set.of("User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy");

    private final SandboxContext ctx;

    public IamHandler(SandboxContext ctx) {
        super("2010-05-08");
        this.ctx = ctx;
        IamCredentialReport reports = new IamCredentialReport(ctx, this);
        IamLastAccessed lastAccessed = new IamLastAccessed(ctx, this);
        IamAccountSettings settings = new IamAccountSettings(this);
        operation("GenerateCredentialReport", reports::generate);
        operation("GetCredentialReport", reports::get);
        operation("GenerateServiceLastAccessedDetails", lastAccessed::generate);
        operation("GetServiceLastAccessedDetails", lastAccessed::get);
        operation("GetAccountPasswordPolicy", settings::passwordPolicy);
        operation("GetAccountSummary", settings::summary);
        operation("ListSAMLProviders", settings::samlProviders);
        operation("ListOpenIDConnectProviders", settings::oidcProviders);
        operation("ListVirtualMFADevices", settings::virtualMfaDevices);
        operation("ListServerCertificates", settings::serverCertificates);
        operation("GetAccountAuthorizationDetails", this::authorizationDetails);
        operation("ListUsers", this::listUsers);
        operation("ListRoles", this::listRoles);
        operation("ListMFADevices", settings::mfaDevices);
        operation("ListAccessKeys", this::listAccessKeys);
        operation("GetAccessKeyLastUsed", this::accessKeyLastUsed);
        operation("GetLoginProfile", this::loginProfile);
        operation("ListOrganizationsFeatures", new IamOrganizationFeatures(ctx, this)::list);
    }

    @Override
    public String service() {
        return "iam";
    }

    @Override
    public String xmlns() {
        return "https://iam.amazonaws.com/doc/2010-05-08/";
    }

    @Override
    public AwsException serverError() {
        return new AwsException(500, "ServiceFailure", "The request processing has failed because of an unknown error,"
                + " exception or failure.");
    }

    /** The IAM directory of the caller's account. */
    IamDirectory directory(SandboxRequest r) {
        return ctx.org().directory(r.caller().accountId());
    }

    static AwsException noSuchEntity(String message) {
        return new AwsException(404, "NoSuchEntity", message);
    }

    /** One entry of GetAccountAuthorizationDetails' combined listing, written into its own list. */
    private record Detail(String list, BiConsumer<XmlWriter, IamDirectory> writer) {
    }

    private SandboxResponse authorizationDetails(SandboxRequest r) {
        IamDirectory dir = directory(r);
        List<String> filter = r.paramList("Filter");
        filter.forEach(f -> {
            if (!FILTERS.contains(f)) {
                throw validation("1 validation error detected: Value '[" + f + "]' at 'filter' failed to satisfy "
                        + "constraint: Member must satisfy constraint: [Member must satisfy enum value set: " + FILTERS + "]");
            }
        });
        boolean all = filter.isEmpty();
        List<Detail> details = new ArrayList<>();
        if (all || filter.contains("User")) {
            dir.users().forEach(u -> details.add(new Detail("UserDetailList", (x, d) -> IamEntityXml.userDetail(x, d, u))));
        }
        if (all || filter.contains("Group")) {
            dir.groups().forEach(g -> details.add(new Detail("GroupDetailList", (x, d) -> IamEntityXml.groupDetail(x, d, g))));
        }
        if (all || filter.contains("Role")) {
            dir.roles().forEach(ro -> details.add(new Detail("RoleDetailList", (x, d) -> IamEntityXml.roleDetail(x, d, ro))));
        }
        for (IamDirectory.ManagedPolicy p : dir.policies()) {
            if (all || filter.contains(p.awsManaged() ? "AWSManagedPolicy" : "LocalManagedPolicy")) {
                details.add(new Detail("Policies", (x, d) -> IamEntityXml.policyDetail(x, p)));
            }
        }
        var page = io.iamaudit.sandbox.wire.Pages.page(details, "iam:authz:" + String.join(",", filter),
                r.param("Marker"), maxItems(r), () -> new AwsException(400, "InvalidInput", "Invalid value for Marker"));
        return ok(r, x -> {
            x.el("IsTruncated", page.truncated()).el("Marker", page.nextToken());
            for (String list : List.of("UserDetailList", "GroupDetailList", "RoleDetailList", "Policies")) {
                x.start(list);
                page.items().stream().filter(d -> d.list().equals(list)).forEach(d -> {
                    x.start("member");
                    d.writer().accept(x, dir);
                    x.end();
                });
                x.end();
            }
        });
    }

    private SandboxResponse listUsers(SandboxRequest r) {
        IamDirectory dir = directory(r);
        return paged(r, "Users", dir.users(), (x, u) -> IamEntityXml.user(x, dir, u));
    }

    private SandboxResponse listRoles(SandboxRequest r) {
        return paged(r, "Roles", directory(r).roles(), IamEntityXml::role);
    }

    private IamDirectory.User user(SandboxRequest r) {
        String name = r.param("UserName");
        return directory(r).users().stream().filter(u -> u.name().equals(name)).findFirst()
                .orElseThrow(() -> noSuchEntity("The user with name " + name + " cannot be found."));
    }

    private SandboxResponse listAccessKeys(SandboxRequest r) {
        IamDirectory.User u = user(r);
        return paged(r, "AccessKeyMetadata", u.accessKeys(), (x, k) -> x.el("UserName", u.name())
                .el("AccessKeyId", k.id()).el("Status", k.spec().active() ? "Active" : "Inactive")
                .el("CreateDate", k.created()));
    }

    private SandboxResponse accessKeyLastUsed(SandboxRequest r) {
        String id = r.param("AccessKeyId");
        for (IamDirectory.User u : directory(r).users()) {
            for (IamDirectory.AccessKey k : u.accessKeys()) {
                if (k.id().equals(id)) {
                    return ok(r, x -> {
                        x.el("UserName", u.name()).start("AccessKeyLastUsed");
                        if (k.lastUsed() == null) {
                            x.el("ServiceName", "N/A").el("Region", "N/A");
                        } else {
                            x.el("LastUsedDate", k.lastUsed())
                                    .el("ServiceName", k.spec().lastUsedService() == null ? "sts" : k.spec().lastUsedService())
                                    .el("Region", k.spec().lastUsedRegion() == null ? "N/A" : k.spec().lastUsedRegion());
                        }
                        x.end();
                    });
                }
            }
        }
        throw new AwsException(403, "AccessDenied", "The access key " + id + " does not belong to this account.");
    }

    private SandboxResponse loginProfile(SandboxRequest r) {
        IamDirectory.User u = user(r);
        if (u.spec().password() == null) {
            throw noSuchEntity("Login Profile for User " + u.name() + " cannot be found.");
        }
        IamDirectory dir = directory(r);
        var changed = u.spec().password().changedDaysAgo() == null ? u.created()
                : dir.ago(u.spec().password().changedDaysAgo());
        return ok(r, x -> x.start("LoginProfile").el("UserName", u.name()).el("CreateDate", changed)
                .el("PasswordResetRequired", false).end());
    }
}

package io.iamaudit.sandbox.handler;

import io.iamaudit.sandbox.state.IamDirectory;
import io.iamaudit.sandbox.wire.XmlWriter;

import java.util.List;
import java.util.Map;

/**
 * IAM entities as XML members: the detail forms of GetAccountAuthorizationDetails (policy documents URL-encoded)
 * and the short forms of ListUsers / ListRoles.
 */
final class IamEntityXml {

    private IamEntityXml() {
    }

    static void userDetail(XmlWriter x, IamDirectory dir, IamDirectory.User u) {
        x.el("Path", u.spec().path()).el("UserName", u.name()).el("UserId", u.id()).el("Arn", u.arn())
                .el("CreateDate", u.created());
        inline(x, "UserPolicyList", u.inline());
        x.start("GroupList");
        u.spec().groups().forEach(g -> x.el("member", g));
        x.end();
        attached(x, dir, u.spec().attachedPolicies());
        tags(x, u.spec().tags());
    }

    static void groupDetail(XmlWriter x, IamDirectory dir, IamDirectory.Group g) {
        x.el("Path", g.spec().path()).el("GroupName", g.name()).el("GroupId", g.id()).el("Arn", g.arn())
                .el("CreateDate", g.created());
        inline(x, "GroupPolicyList", g.inline());
        attached(x, dir, g.spec().attachedPolicies());
    }

    static void roleDetail(XmlWriter x, IamDirectory dir, IamDirectory.Role r) {
        x.el("Path", r.spec().path()).el("RoleName", r.name()).el("RoleId", r.id()).el("Arn", r.arn())
                .el("CreateDate", r.created())
                .el("AssumeRolePolicyDocument", PolicyEncoding.encode(r.trustPolicy()));
        x.empty("InstanceProfileList");
        inline(x, "RolePolicyList", r.inline());
        attached(x, dir, r.spec().attachedPolicies());
        tags(x, r.spec().tags());
        roleLastUsed(x, r);
    }

    static void policyDetail(XmlWriter x, IamDirectory.ManagedPolicy p) {
        x.el("PolicyName", p.name()).el("PolicyId", p.id()).el("Arn", p.arn()).el("Path", p.path())
                .el("DefaultVersionId", p.defaultVersion().versionId()).el("AttachmentCount", p.attachmentCount())
                .el("PermissionsBoundaryUsageCount", 0).el("IsAttachable", true).el("Description", p.description())
                .el("CreateDate", p.created()).el("UpdateDate", p.updated());
        x.start("PolicyVersionList");
        for (IamDirectory.PolicyVersion v : p.versions()) {
            x.start("member").el("Document", PolicyEncoding.encode(v.document())).el("VersionId", v.versionId())
                    .el("IsDefaultVersion", v.isDefault()).el("CreateDate", v.created()).end();
        }
        x.end();
    }

    static void user(XmlWriter x, IamDirectory dir, IamDirectory.User u) {
        x.el("Path", u.spec().path()).el("UserName", u.name()).el("UserId", u.id()).el("Arn", u.arn())
                .el("CreateDate", u.created());
        if (u.spec().password() != null && u.spec().password().lastUsedDaysAgo() != null) {
            x.el("PasswordLastUsed", dir.ago(u.spec().password().lastUsedDaysAgo()));
        }
    }

    static void role(XmlWriter x, IamDirectory.Role r) {
        x.el("Path", r.spec().path()).el("RoleName", r.name()).el("RoleId", r.id()).el("Arn", r.arn())
                .el("CreateDate", r.created())
                .el("AssumeRolePolicyDocument", PolicyEncoding.encode(r.trustPolicy()))
                .el("Description", r.spec().description()).el("MaxSessionDuration", r.spec().maxSessionDuration());
    }

    static void roleLastUsed(XmlWriter x, IamDirectory.Role r) {
        x.start("RoleLastUsed");
        if (r.lastUsed() != null) {
            x.el("LastUsedDate", r.lastUsed()).el("Region", r.spec().lastUsedRegion() == null ? "us-east-1"
                    : r.spec().lastUsedRegion());
        }
        x.end();
    }

    private static void inline(XmlWriter x, String listName, Map<String, String> docs) {
        x.start(listName);
        docs.forEach((name, doc) -> x.start("member").el("PolicyName", name)
                .el("PolicyDocument", PolicyEncoding.encode(doc)).end());
        x.end();
    }

    private static void attached(XmlWriter x, IamDirectory dir, List<String> refs) {
        x.start("AttachedManagedPolicies");
        for (String ref : refs) {
            String arn = dir.resolvePolicyArn(ref);
            x.start("member").el("PolicyName", arn.substring(arn.lastIndexOf('/') + 1)).el("PolicyArn", arn).end();
        }
        x.end();
    }

    static void tags(XmlWriter x, Map<String, String> tags) {
        x.start("Tags");
        new java.util.TreeMap<>(tags).forEach((k, v) -> x.start("member").el("Key", k).el("Value", v).end());
        x.end();
    }
}

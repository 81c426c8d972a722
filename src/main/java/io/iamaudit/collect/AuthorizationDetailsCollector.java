package io.iamaudit.collect;

import io.iamaudit.stage.AuthorizationDetails;
import io.iamaudit.stage.IamGroup;
import io.iamaudit.stage.IamRole;
import io.iamaudit.stage.IamUser;
import io.iamaudit.stage.ManagedPolicy;
import io.iamaudit.stage.PolicyRefs.AttachedPolicy;
import io.iamaudit.stage.PolicyRefs.InlinePolicy;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsRequest;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.UserDetail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Users, groups, roles and managed policies in one paginated sweep of GetAccountAuthorizationDetails. AWS managed
 * policies are requested too, so the ones attached in the account arrive with their documents. Every policy
 * document is URL-decoded here; nothing downstream sees the encoded form.
 */
public final class AuthorizationDetailsCollector {

    /** AWS's default page size; tests lower it to cross pages. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    private final IamClient iam;
    private final int pageSize;

    public AuthorizationDetailsCollector(IamClient iam) {
        this(iam, DEFAULT_PAGE_SIZE);
    }

    public AuthorizationDetailsCollector(IamClient iam, int pageSize) {
        this.iam = iam;
        this.pageSize = pageSize;
    }

    public AuthorizationDetails collect() {
        GetAccountAuthorizationDetailsRequest request = GetAccountAuthorizationDetailsRequest.builder()
                .filter(EntityType.USER, EntityType.GROUP, EntityType.ROLE, EntityType.LOCAL_MANAGED_POLICY,
                        EntityType.AWS_MANAGED_POLICY)
                .maxItems(pageSize)
                .build();
        List<IamUser> users = new ArrayList<>();
        List<IamGroup> groups = new ArrayList<>();
        List<IamRole> roles = new ArrayList<>();
        List<ManagedPolicy> policies = new ArrayList<>();
        for (GetAccountAuthorizationDetailsResponse page : iam.getAccountAuthorizationDetailsPaginator(request)) {
            page.userDetailList().forEach(u -> users.add(user(u)));
            page.groupDetailList().forEach(g -> groups.add(group(g)));
            page.roleDetailList().forEach(r -> roles.add(role(r)));
            page.policies().forEach(p -> policies.add(policy(p)));
        }
        return new AuthorizationDetails(users, groups, roles, policies);
    }

    static IamUser user(UserDetail u) {
        return new IamUser(u.userName(), u.userId(), u.arn(), u.path(), u.createDate(), u.groupList(),
                attached(u.attachedManagedPolicies()), inline(u.userPolicyList()),
                boundary(u.permissionsBoundary()), tags(u.tags()));
    }

    static IamGroup group(GroupDetail g) {
        return new IamGroup(g.groupName(), g.groupId(), g.arn(), g.path(), g.createDate(),
                attached(g.attachedManagedPolicies()), inline(g.groupPolicyList()));
    }

    static IamRole role(RoleDetail r) {
        return new IamRole(r.roleName(), r.roleId(), r.arn(), r.path(), r.createDate(),
                PolicyDocuments.decode(r.assumeRolePolicyDocument()),
                attached(r.attachedManagedPolicies()), inline(r.rolePolicyList()),
                boundary(r.permissionsBoundary()), tags(r.tags()),
                r.roleLastUsed() == null ? null : r.roleLastUsed().lastUsedDate(),
                r.roleLastUsed() == null ? null : r.roleLastUsed().region());
    }

    static ManagedPolicy policy(ManagedPolicyDetail p) {
        Optional<PolicyVersion> defaultVersion = p.policyVersionList().stream()
                .filter(v -> Boolean.TRUE.equals(v.isDefaultVersion())
                        || (v.versionId() != null && v.versionId().equals(p.defaultVersionId())))
                .findFirst();
        return new ManagedPolicy(p.policyName(), p.policyId(), p.arn(), p.path(), p.defaultVersionId(),
                p.attachmentCount() == null ? 0 : p.attachmentCount(), p.createDate(), p.updateDate(),
                defaultVersion.map(v -> PolicyDocuments.decode(v.document())).orElse(null),
                defaultVersion.map(PolicyVersion::createDate).orElse(null));
    }

    private static List<AttachedPolicy> attached(List<software.amazon.awssdk.services.iam.model.AttachedPolicy> list) {
        return list.stream().map(a -> new AttachedPolicy(a.policyName(), a.policyArn())).toList();
    }

    private static List<InlinePolicy> inline(List<PolicyDetail> list) {
        return list.stream().map(p -> new InlinePolicy(p.policyName(), PolicyDocuments.decode(p.policyDocument())))
                .toList();
    }

    private static String boundary(AttachedPermissionsBoundary boundary) {
        return boundary == null ? null : boundary.permissionsBoundaryArn();
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(t -> map.put(t.key(), t.value() == null ? "" : t.value()));
        return map;
    }
}

package io.iamaudit.analyze;

import io.iamaudit.stage.AuthorizationDetails;
import io.iamaudit.stage.IamGroup;
import io.iamaudit.stage.IamRole;
import io.iamaudit.stage.IamUser;
import io.iamaudit.stage.ManagedPolicy;
import io.iamaudit.stage.PolicyRefs.AttachedPolicy;
import io.iamaudit.stage.PolicyRefs.InlinePolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The identity policies of a user (its own and its groups'), a role or a group, resolved against the managed
 * policies in the authorization details. Permissions boundaries, SCPs and session policies are out of scope: they
 * only ever reduce, so ignoring them errs on the side of reporting.
 *
 * @param missing managed policy ARNs attached but absent from the collected policies (document unknown)
 */
public record EffectivePolicies(List<PolicySource> sources, List<String> missing) {

    public EffectivePolicies {
        sources = List.copyOf(sources);
        missing = List.copyOf(missing);
    }

    public static EffectivePolicies forUser(AuthorizationDetails auth, IamUser user) {
        Builder b = new Builder(auth);
        b.add(user.attachedPolicies(), user.inlinePolicies(), PolicySource.Attachment.MANAGED, null);
        for (String groupName : user.groups()) {
            auth.group(groupName).ifPresent(g -> b.add(g.attachedPolicies(), g.inlinePolicies(),
                    PolicySource.Attachment.GROUP, g.groupName()));
        }
        return b.build();
    }

    /** The user's own policies, without those of its groups. */
    public static EffectivePolicies forUserWithoutGroups(AuthorizationDetails auth, IamUser user) {
        return new Builder(auth).add(user.attachedPolicies(), user.inlinePolicies(),
                PolicySource.Attachment.MANAGED, null).build();
    }

    public static EffectivePolicies forRole(AuthorizationDetails auth, IamRole role) {
        return new Builder(auth).add(role.attachedPolicies(), role.inlinePolicies(),
                PolicySource.Attachment.MANAGED, null).build();
    }

    public static EffectivePolicies forGroup(AuthorizationDetails auth, IamGroup group) {
        return new Builder(auth).add(group.attachedPolicies(), group.inlinePolicies(),
                PolicySource.Attachment.GROUP, group.groupName()).build();
    }

    private static final class Builder {
        private final AuthorizationDetails auth;
        private final List<PolicySource> sources = new ArrayList<>();
        private final List<String> missing = new ArrayList<>();

        Builder(AuthorizationDetails auth) {
            this.auth = auth;
        }

        Builder add(List<AttachedPolicy> attached, List<InlinePolicy> inline, PolicySource.Attachment managedKind,
                    String group) {
            for (AttachedPolicy a : attached) {
                Optional<ManagedPolicy> p = auth.policy(a.policyArn());
                if (p.isPresent() && p.get().defaultDocument() != null) {
                    sources.add(new PolicySource(a.policyName(), a.policyArn(), managedKind, group,
                            p.get().defaultDocument(), p.get().defaultVersionCreateDate()));
                } else {
                    missing.add(a.policyArn());
                }
            }
            PolicySource.Attachment inlineKind = group == null ? PolicySource.Attachment.INLINE
                    : PolicySource.Attachment.GROUP;
            for (InlinePolicy i : inline) {
                sources.add(new PolicySource(i.policyName(), null, inlineKind, group, i.document(), null));
            }
            return this;
        }

        EffectivePolicies build() {
            return new EffectivePolicies(sources, missing);
        }
    }
}

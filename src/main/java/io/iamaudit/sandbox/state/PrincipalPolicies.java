package io.iamaudit.sandbox.state;

import io.iamaudit.sandbox.scenario.ServiceUsage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What applies to one IAM entity of an account: its effective policy documents (its own, its groups', or a managed
 * policy's default version) and whose usage history counts for it (the entity itself, a group's members, a policy's
 * holders). Access Advisor's answers are computed from these.
 */
public final class PrincipalPolicies {

    /** Who may have used a principal's permissions, with their recorded service usage. */
    public record UsageEntity(String arn, Map<String, ServiceUsage> usage) {
    }

    private final IamDirectory dir;

    public PrincipalPolicies(IamDirectory dir) {
        this.dir = dir;
    }

    /** The documents (JSON text) of every policy that applies to the entity with this ARN; null when unknown. */
    public List<String> documents(String arn) {
        List<String> docs = new ArrayList<>();
        for (IamDirectory.User u : dir.users()) {
            if (u.arn().equals(arn)) {
                addAll(docs, u.inline(), u.spec().attachedPolicies());
                u.spec().groups().forEach(g -> addAll(docs, dir.group(g).inline(), dir.group(g).spec().attachedPolicies()));
                return docs;
            }
        }
        for (IamDirectory.Role r : dir.roles()) {
            if (r.arn().equals(arn)) {
                addAll(docs, r.inline(), r.spec().attachedPolicies());
                return docs;
            }
        }
        for (IamDirectory.Group g : dir.groups()) {
            if (g.arn().equals(arn)) {
                addAll(docs, g.inline(), g.spec().attachedPolicies());
                return docs;
            }
        }
        IamDirectory.ManagedPolicy p = dir.policy(arn);
        return p == null ? null : List.of(p.defaultVersion().document());
    }

    /**
     * The users and roles whose activity counts for the entity with this ARN: itself, a group's members, a policy's
     * holders.
     */
    public List<UsageEntity> usageEntities(String arn) {
        List<UsageEntity> out = new ArrayList<>();
        for (IamDirectory.User u : dir.users()) {
            boolean self = u.arn().equals(arn);
            boolean member = u.spec().groups().stream().map(dir::group).anyMatch(g -> g.arn().equals(arn)
                    || attaches(g.spec().attachedPolicies(), arn));
            if (self || member || attaches(u.spec().attachedPolicies(), arn)) {
                out.add(new UsageEntity(u.arn(), u.spec().lastAccessed()));
            }
        }
        for (IamDirectory.Role r : dir.roles()) {
            if (r.arn().equals(arn) || attaches(r.spec().attachedPolicies(), arn)) {
                out.add(new UsageEntity(r.arn(), r.spec().lastAccessed()));
            }
        }
        return out;
    }

    private boolean attaches(List<String> refs, String arn) {
        return refs.stream().map(dir::resolvePolicyArn).anyMatch(arn::equals);
    }

    private void addAll(List<String> docs, Map<String, String> inline, List<String> attached) {
        docs.addAll(inline.values());
        attached.stream().map(dir::resolvePolicyArn).map(dir::policy).filter(Objects::nonNull)
                .forEach(p -> docs.add(p.defaultVersion().document()));
    }
}

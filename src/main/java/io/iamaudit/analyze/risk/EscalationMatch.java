package io.iamaudit.analyze.risk;

import io.iamaudit.analyze.LruCache;

import java.util.List;

/**
 * A path open to a principal, with how each of its actions is granted.
 *
 * @param confined some action is granted only on specific resources: the path works only if those are the right
 *                 ones, so it is reported at lower severity with the resources named
 */
public record EscalationMatch(EscalationPath path, List<ActionGrant> grants, boolean confined) {
    public EscalationMatch {
        grants = List.copyOf(grants);
    }

    /**
     * Principals granted the same policies (see {@link PrincipalPermissions.Key}) have the same open paths: an
     * account's principals share a few policy sets, and AWS managed ones recur in every account.
     */
    private static final LruCache<FoundKey, List<EscalationMatch>> FOUND = new LruCache<>(2048);

    private record FoundKey(EscalationCatalog catalog, PrincipalPermissions.Key permissions) {
    }

    /** Every open path of the catalog for a principal; none for a full administrator (no escalation needed). */
    public static List<EscalationMatch> find(EscalationCatalog catalog, PrincipalPermissions permissions) {
        if (permissions.administrator()) {
            return List.of();
        }
        return FOUND.get(new FoundKey(catalog, permissions.key()), k -> direct(catalog, permissions));
    }

    /** The same, computed without the cache. */
    static List<EscalationMatch> direct(EscalationCatalog catalog, PrincipalPermissions permissions) {
        if (permissions.administrator()) {
            return List.of();
        }
        return catalog.paths().stream().map(p -> match(p, permissions)).flatMap(java.util.Optional::stream).toList();
    }

    static java.util.Optional<EscalationMatch> match(EscalationPath path, PrincipalPermissions permissions) {
        List<ActionGrant> grants = new java.util.ArrayList<>();
        for (String action : path.actions()) {
            var grant = permissions.grant(action);
            if (grant.isEmpty()) {
                return java.util.Optional.empty();
            }
            grants.add(grant.get());
        }
        boolean confined = grants.stream().anyMatch(g -> !g.everyResource());
        if (confined && path.anyResource()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new EscalationMatch(path, grants, confined));
    }
}

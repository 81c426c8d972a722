package io.iamaudit.report;

import io.iamaudit.analyze.LruCache;
import io.iamaudit.policy.AccessLevel;
import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.policy.ActionPattern;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.policy.Statement;
import io.iamaudit.stage.LeastPrivilegeRecommendation.PolicyProposal;
import io.iamaudit.stage.LeastPrivilegeRecommendation.RemovedPermission;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The short diff a reviewer reads first: per service, how many actions a proposal removes and keeps, by IAM access
 * level ({@code s3: removed 3 (Write 2, Permissions management 1); kept 41 (Read 30, List 11)}), counted on AWS's
 * Service Authorization Reference. Actions the reference does not know count as "unknown".
 */
final class ProposalDiff {
    private final ActionCatalog catalog;
    private final LruCache<String, Map<String, Kept>> keptByDocument = new LruCache<>(1024);

    ProposalDiff(ActionCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * A document's allowed actions of one service, with their access-level summary worked out on first use: a service
     * is usually kept by one document only, and looking up the level of each of its actions again for every row was
     * the largest project frame of the report's writers at 800 accounts (ActionCatalog lookups, about a tenth of each
     * writer's CPU).
     */
    private final class Kept {
        final Set<String> actions;
        private volatile String levels;

        Kept(Set<String> actions) {
            this.actions = actions;
        }

        String levels() {
            String known = levels;
            if (known == null) {
                known = ProposalDiff.this.levels(actions);
                levels = known;
            }
            return known;
        }
    }

    /** One line per service the changed proposals touch, services in order; {@code null} when nothing changes. */
    String text(List<PolicyProposal> proposals) {
        Map<String, Set<String>> removed = removedByService(proposals);
        Map<String, List<Kept>> kept = new TreeMap<>();
        for (PolicyProposal p : proposals) {
            if (changes(p) && p.proposedDocument() != null) {
                keptByDocument.get(p.proposedDocument(), this::keptByService)
                        .forEach((s, k) -> kept.computeIfAbsent(s, x -> new ArrayList<>()).add(k));
            }
        }
        List<String> lines = new ArrayList<>();
        for (String service : removed.keySet()) {
            Set<String> gone = removed.get(service);
            List<Kept> parts = kept.getOrDefault(service, List.of());
            Set<String> stay;
            String stayLevels;
            if (parts.size() == 1) {
                stay = parts.get(0).actions;
                stayLevels = parts.get(0).levels();
            } else {
                stay = new LinkedHashSet<>();
                for (Kept k : parts) {
                    stay.addAll(k.actions);
                }
                stayLevels = levels(stay);
            }
            gone.removeAll(stay);
            lines.add(service + ": removed " + gone.size() + levels(gone) + "; kept " + stay.size() + stayLevels);
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    /** {@link #text} without the cached access levels, as it was computed before (what a test compares against). */
    String textUncached(List<PolicyProposal> proposals) {
        Map<String, Set<String>> removed = removedByService(proposals);
        Map<String, Set<String>> kept = new TreeMap<>();
        for (PolicyProposal p : proposals) {
            if (changes(p) && p.proposedDocument() != null) {
                allowed(p.proposedDocument())
                        .forEach((s, a) -> kept.computeIfAbsent(s, k -> new LinkedHashSet<>()).addAll(a));
            }
        }
        List<String> lines = new ArrayList<>();
        for (String service : removed.keySet()) {
            Set<String> gone = removed.get(service);
            Set<String> stay = kept.getOrDefault(service, Set.of());
            gone.removeAll(stay);
            lines.add(service + ": removed " + gone.size() + levels(gone) + "; kept " + stay.size() + levels(stay));
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    private static boolean changes(PolicyProposal p) {
        return !p.removed().isEmpty() || p.proposedDocument() == null;
    }

    private Map<String, Set<String>> removedByService(List<PolicyProposal> proposals) {
        Map<String, Set<String>> removed = new TreeMap<>();
        for (PolicyProposal p : proposals) {
            if (!changes(p)) {
                continue;
            }
            for (RemovedPermission r : p.removed()) {
                if (r.permission().indexOf(' ') < 0 && r.permission().indexOf(':') > 0) {
                    ActionPattern pattern = new ActionPattern(r.permission());
                    removed.computeIfAbsent(pattern.service(), k -> new LinkedHashSet<>())
                            .addAll(catalog.expand(pattern));
                }
            }
        }
        return removed;
    }

    private Map<String, Kept> keptByService(String document) {
        Map<String, Kept> out = new TreeMap<>();
        allowed(document).forEach((service, actions) -> out.put(service, new Kept(actions)));
        return out;
    }

    private Map<String, Set<String>> allowed(String document) {
        Map<String, Set<String>> out = new TreeMap<>();
        PolicyDocument doc = PolicyDocument.parse(document);
        for (Statement s : doc.allows()) {
            if (s.notAction()) {
                continue;
            }
            for (ActionPattern p : s.actions()) {
                if (!"*".equals(p.service())) {
                    out.computeIfAbsent(p.service(), k -> new LinkedHashSet<>()).addAll(catalog.expand(p));
                }
            }
        }
        return out;
    }

    private String levels(Set<String> actions) {
        if (actions.isEmpty()) {
            return "";
        }
        Map<AccessLevel, Integer> counts = new EnumMap<>(AccessLevel.class);
        int unknown = 0;
        for (String a : actions) {
            var level = catalog.accessLevel(a);
            if (level.isPresent()) {
                counts.merge(level.get(), 1, Integer::sum);
            } else {
                unknown++;
            }
        }
        String text = counts.entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return " (" + text + (unknown == 0 ? "" : (text.isEmpty() ? "" : ", ") + "unknown " + unknown) + ")";
    }
}

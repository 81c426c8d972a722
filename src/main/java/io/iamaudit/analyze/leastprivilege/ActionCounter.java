package io.iamaudit.analyze.leastprivilege;

import io.iamaudit.analyze.LruCache;
import io.iamaudit.analyze.PolicySource;
import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.policy.ActionPattern;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.policy.Statement;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Counts what Allow statements grant by expanding wildcards and NotAction through the catalog (Deny is ignored for
 * counting). Results are cached per document text: the same policies recur across principals.
 */
final class ActionCounter {
    private final List<String> actions = new ArrayList<>();
    private final Map<String, int[]> ranges = new HashMap<>();
    /** Per action index, its service prefix and the index past that service's last action. */
    private final List<String> prefixOf = new ArrayList<>();
    private final List<Integer> serviceEnd = new ArrayList<>();
    private final LruCache<String, GrantedActions> cache = new LruCache<>(2048);

    ActionCounter(ActionCatalog catalog) {
        for (String prefix : catalog.prefixes()) {
            int start = actions.size();
            actions.addAll(catalog.actionsOf(prefix));
            ranges.put(prefix, new int[] {start, actions.size()});
            for (int i = start; i < actions.size(); i++) {
                prefixOf.add(prefix);
                serviceEnd.add(actions.size());
            }
        }
    }

    /** The union of what the documents' Allow statements grant. */
    GrantedActions granted(Collection<String> documents) {
        GrantedActions out = GrantedActions.empty();
        for (String text : documents) {
            out = out.union(cache.get(text, this::count));
        }
        return out;
    }

    private GrantedActions count(String text) {
        BitSet bits = new BitSet(actions.size());
        Set<String> extras = new HashSet<>();
        PolicyDocument doc = PolicySource.parse(text).orElse(null);
        if (doc == null) {
            return new GrantedActions(bits, extras);
        }
        for (Statement s : doc.allows()) {
            if (s.notAction()) {
                for (int i = 0; i < actions.size(); i++) {
                    if (s.coversAction(actions.get(i))) {
                        bits.set(i);
                    }
                }
                continue;
            }
            for (ActionPattern p : s.actions()) {
                if ("*".equals(p.service())) {
                    for (int i = 0; i < actions.size(); i++) {
                        if (p.matches(actions.get(i))) {
                            bits.set(i);
                        }
                    }
                    continue;
                }
                int[] range = ranges.get(p.service());
                boolean found = false;
                if (range != null) {
                    for (int i = range[0]; i < range[1]; i++) {
                        if (p.matches(actions.get(i))) {
                            bits.set(i);
                            found = true;
                        }
                    }
                }
                if (!found && !p.hasWildcard()) {
                    extras.add(p.text().toLowerCase(Locale.ROOT));
                }
            }
        }
        return new GrantedActions(bits, extras);
    }

    /** The actions of a set, by name (catalog actions in IAM's spelling, unknown ones lower case). */
    List<String> names(GrantedActions granted) {
        List<String> out = new ArrayList<>();
        granted.bits().stream().forEach(i -> out.add(actions.get(i)));
        out.addAll(granted.extras());
        return out;
    }

    /** The service prefixes of a set of actions. */
    Set<String> services(GrantedActions granted) {
        Set<String> out = new TreeSet<>();
        // one step per service granted, not per service known (about 400)
        BitSet bits = granted.bits();
        for (int i = bits.nextSetBit(0); i >= 0 && i < prefixOf.size(); i = bits.nextSetBit(serviceEnd.get(i))) {
            out.add(prefixOf.get(i));
        }
        granted.extras().forEach(a -> out.add(a.substring(0, Math.max(0, a.indexOf(':')))));
        return out;
    }
}

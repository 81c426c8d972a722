package io.iamaudit.analyze.leastprivilege;

import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.policy.ActionPattern;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes a set of kept actions back as short patterns without widening: {@code s3:*} when every catalog action the
 * original pattern covered is kept, {@code s3:Get*} when every such {@code Get} action is kept, the actions one by
 * one otherwise. A compacted pattern is used only if it lies within the original pattern, so actions unknown to
 * the catalog were already allowed before.
 */
final class ActionCompactor {
    private final ActionCatalog catalog;

    ActionCompactor(ActionCatalog catalog) {
        this.catalog = catalog;
    }

    List<String> compact(Collection<String> keep, ActionPattern original) {
        Map<String, List<String>> byService = keep.stream().collect(Collectors.groupingBy(
                a -> a.substring(0, Math.max(0, a.indexOf(':'))).toLowerCase(Locale.ROOT), LinkedHashMap::new,
                Collectors.toList()));
        Set<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        byService.forEach((ns, actions) -> out.addAll(compactService(ns, actions, original)));
        return List.copyOf(out);
    }

    private List<String> compactService(String ns, List<String> actions, ActionPattern original) {
        Set<String> kept = actions.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<String> covered = catalog.actionsOf(ns).stream().filter(original::matches).toList();
        ActionPattern whole = new ActionPattern(ns + ":*");
        if (!covered.isEmpty() && whole.within(original)
                && covered.stream().allMatch(a -> kept.contains(a.toLowerCase(Locale.ROOT)))) {
            return List.of(whole.text());
        }
        Map<String, Boolean> verbUsable = new HashMap<>();
        Set<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String action : actions) {
            String verb = verb(action);
            ActionPattern candidate = new ActionPattern(ns + ":" + verb + "*");
            boolean usable = verbUsable.computeIfAbsent(verb, v -> {
                List<String> matching = covered.stream().filter(candidate::matches).toList();
                return !v.isEmpty() && candidate.within(original) && matching.size() > 1
                        && matching.stream().allMatch(a -> kept.contains(a.toLowerCase(Locale.ROOT)));
            });
            out.add(usable ? candidate.text() : action);
        }
        return List.copyOf(out);
    }

    /** The leading word of an action name: {@code Get} of {@code s3:GetObject}. */
    static String verb(String action) {
        String name = action.substring(action.indexOf(':') + 1);
        int i = 1;
        while (i < name.length() && Character.isLowerCase(name.charAt(i))) {
            i++;
        }
        return name.isEmpty() || !Character.isUpperCase(name.charAt(0)) ? "" : name.substring(0, i);
    }
}

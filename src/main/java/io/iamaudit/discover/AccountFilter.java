package io.iamaudit.discover;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which accounts of the organization to audit. Empty include lists mean "everything"; an exclude always wins.
 * OU selectors are OU ids ({@code ou-...}, {@code r-...}) or name paths from the root ({@code Root/Workloads}),
 * each selecting the whole subtree. Tag selectors are {@code key=value}.
 */
public record AccountFilter(Set<String> includeAccounts, Set<String> excludeAccounts,
                            List<String> includeOus, List<String> excludeOus,
                            Map<String, String> includeTags, Map<String, String> excludeTags) {

    public AccountFilter {
        includeAccounts = includeAccounts == null ? Set.of() : Set.copyOf(includeAccounts);
        excludeAccounts = excludeAccounts == null ? Set.of() : Set.copyOf(excludeAccounts);
        includeOus = includeOus == null ? List.of() : List.copyOf(includeOus);
        excludeOus = excludeOus == null ? List.of() : List.copyOf(excludeOus);
        includeTags = includeTags == null ? Map.of() : Map.copyOf(includeTags);
        excludeTags = excludeTags == null ? Map.of() : Map.copyOf(excludeTags);
    }

    public static AccountFilter all() {
        return new AccountFilter(null, null, null, null, null, null);
    }

    /** Whether the filter needs the accounts' tags: only then are they read. */
    public boolean selectsByTag() {
        return !includeTags.isEmpty() || !excludeTags.isEmpty();
    }

    /**
     * Why the account is excluded, or empty when it is to be audited.
     *
     * @param ouIds the ids of the root and every OU above the account, root first
     */
    public Optional<String> exclusionReason(String accountId, String ouPath, List<String> ouIds,
                                            Map<String, String> tags) {
        if (excludeAccounts.contains(accountId)) {
            return reason("account " + accountId + " is excluded");
        }
        if (!includeAccounts.isEmpty() && !includeAccounts.contains(accountId)) {
            return reason("account " + accountId + " is not in the included accounts");
        }
        Optional<String> excludedOu = excludeOus.stream().filter(s -> inSubtree(s, ouPath, ouIds)).findFirst();
        if (excludedOu.isPresent()) {
            return reason("OU " + excludedOu.get() + " is excluded");
        }
        if (!includeOus.isEmpty() && includeOus.stream().noneMatch(s -> inSubtree(s, ouPath, ouIds))) {
            return reason(ouPath + " is outside the included OUs " + includeOus);
        }
        Optional<String> excludedTag = excludeTags.entrySet().stream()
                .filter(t -> t.getValue().equals(tags.get(t.getKey())))
                .map(t -> t.getKey() + "=" + t.getValue()).findFirst();
        if (excludedTag.isPresent()) {
            return reason("tag " + excludedTag.get() + " is excluded");
        }
        if (!includeTags.isEmpty() && includeTags.entrySet().stream()
                .noneMatch(t -> t.getValue().equals(tags.get(t.getKey())))) {
            return reason("no included tag " + includeTags);
        }
        return Optional.empty();
    }

    static boolean inSubtree(String selector, String ouPath, List<String> ouIds) {
        if (selector.startsWith("ou-") || selector.startsWith("r-")) {
            return ouIds.contains(selector);
        }
        String prefix = selector.endsWith("/") ? selector.substring(0, selector.length() - 1) : selector;
        return ouPath.equals(prefix) || ouPath.startsWith(prefix + "/");
    }

    private static Optional<String> reason(String why) {
        return Optional.of("excluded by filter: " + why);
    }
}

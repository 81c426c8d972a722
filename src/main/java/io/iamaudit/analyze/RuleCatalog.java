package io.iamaudit.analyze;


import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules a run evaluates. Construction validates them (unique ids, complete metadata), so a broken catalog
 * fails at start-up and in the catalog test, never halfway through a run.
 */
public final class RuleCatalog {

    private final List<Rule> rules;

    public RuleCatalog(List<Rule> rules) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Rule r : rules) {
            problems.addAll(r.metadata().problems());
            if (!ids.add(r.id())) {
                problems.add(r.id() + ": duplicate rule id");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid rule catalog: " + String.join("; ", problems));
        }
        this.rules = List.copyOf(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<RuleMetadata> metadata() {
        return rules.stream().map(Rule::metadata).toList();
    }

    public Optional<Rule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * Identifies the rule set for the report manifest: the rule count and a hash over every rule's metadata, so
     * any change of id, severity, mapping or text gives a new version.
     */
    public String version() {
        String canonical = rules.stream().map(r -> r.metadata().toString()).collect(Collectors.joining("\n"));
        return rules.size() + "-rules-" + FindingIds.hash(canonical, 12);
    }
}

package io.iamaudit.analyze;

import com.fasterxml.jackson.core.type.TypeReference;

import io.iamaudit.json.Mappers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Failure titles, control titles and framework mappings of every rule, read once from the classpath resource
 * {@code /rules/rule-display.yaml}: one data file rather than 48 rule classes, so titles and mappings are reviewed in
 * one place. {@link #problems} is what the catalog test checks against the rule catalog.
 */
public final class RuleDisplays {
    public static final String RESOURCE = "/rules/rule-display.yaml";
    private static final RuleDisplays STANDARD = load();

    private final Map<String, RuleDisplay> byRule;

    RuleDisplays(Map<String, RuleDisplay> byRule) {
        this.byRule = Collections.unmodifiableMap(new LinkedHashMap<>(byRule));
    }

    public static RuleDisplays standard() {
        return STANDARD;
    }

    public Optional<RuleDisplay> of(String ruleId) {
        return Optional.ofNullable(ruleId == null ? null : byRule.get(ruleId));
    }

    public Map<String, RuleDisplay> all() {
        return byRule;
    }

    /** The title of a failed finding: the failure title, else the rule's own title. */
    public String failureTitle(String ruleId, String fallback) {
        return of(ruleId).map(RuleDisplay::failure).orElse(fallback);
    }

    /** The title of the control: the control title, else the rule's own title. */
    public String controlTitle(String ruleId, String fallback) {
        return of(ruleId).map(RuleDisplay::control).orElse(fallback);
    }

    /** Missing entries, entries of no rule, incomplete entries. */
    public List<String> problems(RuleCatalog catalog) {
        List<String> out = new ArrayList<>();
        for (Rule rule : catalog.rules()) {
            RuleDisplay display = byRule.get(rule.id());
            if (display == null) {
                out.add(rule.id() + ": no entry in " + RESOURCE);
            } else {
                out.addAll(display.problems(rule.id()));
            }
        }
        byRule.keySet().stream().filter(id -> catalog.rule(id).isEmpty())
                .forEach(id -> out.add(id + ": in " + RESOURCE + " but not a rule of the catalog"));
        return out;
    }

    private static RuleDisplays load() {
                try (InputStream in = RuleDisplays.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Map<String, RuleDisplay> map = Mappers.templateYaml().readValue(in, new TypeReference<LinkedHashMap<String, RuleDisplay>>() {
            });
            return new RuleDisplays(map);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}

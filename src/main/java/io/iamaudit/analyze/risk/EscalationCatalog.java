package io.iamaudit.analyze.risk;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.iamaudit.json.Mappers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The privilege-escalation paths bundled in {@code policy/escalation-paths.yaml}, validated at load so that a typo
 * in the data fails the build (the catalog test) rather than silently matching nothing.
 */
public final class EscalationCatalog {

    private static final Set<String> SOURCES = Set.of("rhino", "bishopfox", "pathfinding");
    private static final Pattern ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9]+");
    private static final ObjectMapper YAML = Mappers.yaml();
    private static volatile EscalationCatalog bundled;

    private final List<EscalationPath> paths;

    EscalationCatalog(List<EscalationPath> paths) {
        List<String> problems = problems(paths);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid escalation-path catalog: " + String.join("; ", problems));
        }
        this.paths = List.copyOf(paths);
    }

    public static EscalationCatalog bundled() {
        if (bundled == null) {
            synchronized (EscalationCatalog.class) {
                if (bundled == null) {
                    bundled = read("/policy/escalation-paths.yaml");
                }
            }
        }
        return bundled;
    }

    static EscalationCatalog read(String resource) {
        try (InputStream in = EscalationCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the classpath");
            }
            return new EscalationCatalog(YAML.readValue(in, new TypeReference<List<EscalationPath>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<EscalationPath> paths() {
        return paths;
    }

    private static List<String> problems(List<EscalationPath> paths) {
        List<String> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (EscalationPath p : paths) {
            if (p.id() == null || !p.id().matches("[A-Za-z0-9]+") || !ids.add(p.id())) {
                out.add(p.id() + ": missing, malformed or duplicate id");
            }
            if (p.actions().isEmpty() || !p.actions().stream().allMatch(a -> ACTION.matcher(a).matches())) {
                out.add(p.id() + ": actions must be service:Action names");
            }
            if (blank(p.resources()) || blank(p.description()) || blank(p.reference())) {
                out.add(p.id() + ": resources, description and reference are required");
            }
            if (p.sources().isEmpty() || !SOURCES.containsAll(p.sources())) {
                out.add(p.id() + ": sources must be among " + SOURCES);
            }
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package io.iamaudit.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The IAM actions known offline, by service prefix: generated from botocore's service models by
 * {@code scripts/gen-action-catalog} (most IAM actions are named after API operations; permission-only actions such
 * as {@code iam:PassRole} are added there). Used to expand wildcards such as {@code s3:Get*} into concrete actions.
 */
public final class ActionCatalog {

    private static volatile ActionCatalog bundled;

    private final Map<String, Service> services;
    private final Map<String, List<String>> qualified = new TreeMap<>();

    private ActionCatalog(Map<String, Service> services) {
        this.services = Collections.unmodifiableMap(services);
        services.values().forEach(s -> qualified.put(s.prefix(),
                s.actions().stream().map(a -> s.prefix() + ":" + a).toList()));
    }

    /** A service: its IAM prefix, human name and actions (names without the prefix). */
    public record Service(String prefix, String name, List<String> actions) {
    }

    /** The catalog bundled with the application (loaded once). */
    public static ActionCatalog bundled() {
        if (bundled == null) {
            synchronized (ActionCatalog.class) {
                if (bundled == null) {
                    try (InputStream in = ActionCatalog.class.getResourceAsStream("/policy/action-catalog.tsv")) {
                        if (in == null) {
                            throw new IllegalStateException("policy/action-catalog.tsv missing from the classpath");
                        }
                        bundled = read(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return bundled;
    }

    static ActionCatalog read(InputStream in) throws IOException {
        Map<String, Service> services = new TreeMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", 3);
            List<String> actions = cols.length > 2 && !cols[2].isEmpty() ? List.of(cols[2].split(",")) : List.of();
            services.put(cols[0], new Service(cols[0], cols[1], actions));
        }
        return new ActionCatalog(services);
    }

    public Set<String> prefixes() {
        return services.keySet();
    }

    public Service service(String prefix) {
        return services.get(prefix.toLowerCase(Locale.ROOT));
    }

    public String serviceName(String prefix) {
        Service s = service(prefix);
        return s == null ? prefix : s.name();
    }

    /**
     * The concrete actions ({@code prefix:Action}) a pattern covers. A pattern naming an unknown action is returned
     * as itself, so nothing granted is ever lost from a count because the catalog lags behind AWS.
     */
    public Set<String> expand(ActionPattern pattern) {
        Set<String> out = new LinkedHashSet<>();
        String prefix = pattern.service();
        if ("*".equals(prefix)) {
            qualified.values().forEach(out::addAll);
            return out;
        }
        for (String action : actionsOf(prefix)) {
            if (pattern.matches(action)) {
                out.add(action);
            }
        }
        if (out.isEmpty() && !pattern.hasWildcard()) {
            out.add(pattern.text());
        }
        return out;
    }

    /** Every known action of a service, as {@code prefix:Action}; empty for an unknown prefix. */
    public List<String> actionsOf(String prefix) {
        return qualified.getOrDefault(prefix.toLowerCase(Locale.ROOT), List.of());
    }

    /** The service prefixes a pattern reaches ({@code *} reaches all of them). */
    public Set<String> servicesOf(ActionPattern pattern) {
        String prefix = pattern.service();
        return "*".equals(prefix) ? services.keySet() : Set.of(prefix);
    }
}

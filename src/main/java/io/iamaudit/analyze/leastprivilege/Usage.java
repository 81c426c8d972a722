package io.iamaudit.analyze.leastprivilege;

import io.iamaudit.stage.PrincipalLastAccessed;
import io.iamaudit.stage.ServiceLastAccessed;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a principal (or the members of a group, merged) used, per service, as IAM last-accessed reports it, judged
 * against the start of the usage window.
 *
 * @param services    by lower-case namespace; only services AWS listed for the principal
 * @param windowStart a use at or after this instant counts as "used"
 */
public record Usage(Map<String, ServiceUse> services, Instant windowStart) {

    public Usage {
        services = Map.copyOf(services);
    }

    /**
     * One service's use.
     *
     * @param tracked whether AWS tracks this service's actions (then {@code actions} lists every tracked action)
     * @param actions tracked action name (lower case, with prefix) to its last use; a null value means never used
     */
    public record ServiceUse(String namespace, Instant lastAuthenticated, boolean tracked,
                             Map<String, Optional<Instant>> actions) {
        public ServiceUse {
            actions = Map.copyOf(actions);
        }

        /** One service of a last-accessed report. */
        public static ServiceUse of(ServiceLastAccessed s) {
            String ns = namespace(s);
            Map<String, Optional<Instant>> actions = new HashMap<>();
            for (ServiceLastAccessed.ActionLastAccessed a : s.trackedActions()) {
                String name = a.actionName().contains(":") ? a.actionName() : ns + ":" + a.actionName();
                actions.put(name.toLowerCase(Locale.ROOT), Optional.ofNullable(a.lastAccessedTime()));
            }
            return new ServiceUse(ns, s.lastAuthenticated(), !actions.isEmpty(), actions);
        }

        /** The key a report's service is known by: its namespace in lower case (a later duplicate replaces it). */
        public static String namespace(ServiceLastAccessed s) {
            return s.serviceNamespace().toLowerCase(Locale.ROOT);
        }
    }

    public static Usage of(PrincipalLastAccessed report, Instant windowStart) {
        Map<String, ServiceUse> out = new HashMap<>();
        for (ServiceLastAccessed s : report.services()) {
            ServiceUse use = ServiceUse.of(s);
            out.put(use.namespace(), use);
        }
        return new Usage(out, windowStart);
    }

    /** The union of two usages (group members): a service or action used by either counts as used. */
    public Usage merge(Usage other) {
        Map<String, ServiceUse> out = new HashMap<>(services);
        other.services.forEach((ns, b) -> out.merge(ns, b, (a, c) -> {
            Map<String, Optional<Instant>> actions = new HashMap<>(a.actions());
            c.actions().forEach((k, v) -> actions.merge(k, v, (x, y) -> latest(x.orElse(null), y.orElse(null))));
            return new ServiceUse(ns, latest(a.lastAuthenticated(), c.lastAuthenticated()).orElse(null),
                    a.tracked() || c.tracked(), actions);
        }));
        return new Usage(out, windowStart);
    }

    public Optional<ServiceUse> service(String namespace) {
        return Optional.ofNullable(services.get(namespace.toLowerCase(Locale.ROOT)));
    }

    public boolean used(Instant when) {
        return when != null && !when.isBefore(windowStart);
    }

    public boolean serviceUsed(String namespace) {
        return service(namespace).map(s -> used(s.lastAuthenticated())).orElse(false);
    }

    /**
     * A service used inside the window (service level) whose action-level data shows none of its tracked actions
     * used in the window: AWS tracks only some actions and its data lags, so the use went through an action the
     * report does not show. Only tracked actions shown unused may then go; the document is flagged for review.
     */
    public boolean contradictory(String namespace) {
        return service(namespace).filter(s -> s.tracked() && used(s.lastAuthenticated()))
                .map(s -> s.actions().values().stream().noneMatch(a -> used(a.orElse(null)))).orElse(false);
    }

    public Set<String> usedServices() {
        return services.values().stream().filter(s -> used(s.lastAuthenticated())).map(ServiceUse::namespace)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    public Optional<Instant> lastUse() {
        return services.values().stream().map(ServiceUse::lastAuthenticated).filter(Objects::nonNull)
                .max(Instant::compareTo);
    }

    private static Optional<Instant> latest(Instant a, Instant b) {
        if (a == null) {
            return Optional.ofNullable(b);
        }
        return Optional.of(b == null || a.isAfter(b) ? a : b);
    }
}

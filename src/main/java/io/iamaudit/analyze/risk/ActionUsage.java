package io.iamaudit.analyze.risk;

import io.iamaudit.analyze.leastprivilege.Usage;
import io.iamaudit.stage.PrincipalLastAccessed;
import io.iamaudit.stage.ServiceLastAccessed;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether last-accessed data shows an action used within the window, in the words findings use: "used in the
 * window", "not used", or "usage unknown" when the principal's report is missing (never read as "not used").
 * Services AWS does not track per action are judged by the service's last use, and say so.
 */
public final class ActionUsage {

    private final Optional<PrincipalLastAccessed> report;
    private final Instant windowStart;
    /**
     * The report's services by lower-case namespace, indexed on the first {@link #describe} (one principal, one
     * thread: most principals match no path or class), each turned into a {@link Usage.ServiceUse} only when an
     * action of it is asked about: a report lists every service and tracked action, the questions name a few.
     */
    private Map<String, ServiceLastAccessed> services;
    private final Map<String, Usage.ServiceUse> built = new HashMap<>();

    private ActionUsage(Optional<PrincipalLastAccessed> report, Instant windowStart) {
        this.report = report;
        this.windowStart = windowStart;
    }

    public static ActionUsage of(Optional<PrincipalLastAccessed> report, Instant windowStart) {
        return new ActionUsage(report.filter(r -> r.error() == null), windowStart);
    }

    /** As {@link Usage} judges it: an action AWS tracks by its own last use, any other by its service's. */
    public String describe(String action) {
        if (report.isEmpty()) {
            return "usage unknown";
        }
        Usage.ServiceUse service = service(action.substring(0, action.indexOf(':')));
        if (service == null) {
            return "not used";
        }
        if (service.tracked()) {
            Optional<Instant> last = service.actions().get(action.toLowerCase(Locale.ROOT));
            if (last != null) {
                return used(last.orElse(null)) ? "used in the window" : "not used";
            }
        }
        return used(service.lastAuthenticated()) ? "service used in the window" : "not used";
    }

    private Usage.ServiceUse service(String namespace) {
        if (services == null) {
            services = new HashMap<>();
            report.get().services().forEach(s -> services.put(Usage.ServiceUse.namespace(s), s));
        }
        String key = namespace.toLowerCase(Locale.ROOT);
        ServiceLastAccessed s = services.get(key);
        return s == null ? null : built.computeIfAbsent(key, k -> Usage.ServiceUse.of(s));
    }

    /** {@link Usage#used}: at or after the window start. */
    private boolean used(Instant when) {
        return when != null && !when.isBefore(windowStart);
    }
}

package io.iamaudit.analyze.risk;

import io.iamaudit.analyze.leastprivilege.Usage;
import io.iamaudit.stage.PrincipalLastAccessed;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether last-accessed data shows an action used within the window, in the words findings use: "used in the
 * window", "not used", or "usage unknown" when the principal's report is missing (never read as "not used").
 * Services AWS does not track per action are judged by the service's last use, and say so.
 */
public final class ActionUsage {

    private final Optional<PrincipalLastAccessed> report;
    private final Instant windowStart;
    /** Built on the first {@link #describe} (one principal, one thread): most principals match no path or class. */
    private Optional<Usage> usage;

    private ActionUsage(Optional<PrincipalLastAccessed> report, Instant windowStart) {
        this.report = report;
        this.windowStart = windowStart;
    }

    public static ActionUsage of(Optional<PrincipalLastAccessed> report, Instant windowStart) {
        return new ActionUsage(report.filter(r -> r.error() == null), windowStart);
    }

    public String describe(String action) {
        Optional<Usage> usage = usage();
        if (usage.isEmpty()) {
            return "usage unknown";
        }
        String namespace = action.substring(0, action.indexOf(':'));
        Optional<Usage.ServiceUse> service = usage.get().service(namespace);
        if (service.isEmpty()) {
            return "not used";
        }
        if (service.get().tracked()) {
            Optional<Instant> last = service.get().actions().getOrDefault(action.toLowerCase(Locale.ROOT),
                    Optional.empty());
            if (service.get().actions().containsKey(action.toLowerCase(Locale.ROOT))) {
                return usage.get().used(last.orElse(null)) ? "used in the window" : "not used";
            }
        }
        return usage.get().used(service.get().lastAuthenticated()) ? "service used in the window" : "not used";
    }

    private Optional<Usage> usage() {
        if (usage == null) {
            usage = report.map(r -> Usage.of(r, windowStart));
        }
        return usage;
    }
}

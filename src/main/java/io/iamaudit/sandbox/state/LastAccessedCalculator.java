package io.iamaudit.sandbox.state;

import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.policy.ActionPattern;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.policy.Statement;
import io.iamaudit.policy.TrackedServices;
import io.iamaudit.sandbox.scenario.ServiceUsage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Access Advisor reports for an entity: every service its identity policies allow (managed, inline and its
 * groups'), when each was last used according to the scenario's usage history, and for action-level jobs the last
 * use of each allowed action of the services AWS tracks actions for.
 */
public final class LastAccessedCalculator {

    /**
     * Services for which the sandbox reports action-level detail: AWS's list ({@link TrackedServices}). Difference
     * from AWS: the sandbox reports every action of such a service, where AWS reports its management actions only.
     */
    public static final Set<String> TRACKED_SERVICES = TrackedServices.all();

    /** Actions Access Advisor never tracks ({@code iam:PassRole} is authorised, not called). */
    private static final Set<String> UNTRACKED_ACTIONS = Set.of("iam:PassRole");

    /** One service line of the report. */
    public record ServiceLine(String namespace, String name, Instant lastAuthenticated, String entity, String region,
                              int totalEntities, List<ActionLine> actions) {
    }

    /** One tracked action; {@code lastAccessed} null when never used. */
    public record ActionLine(String name, Instant lastAccessed, String entity, String region) {
    }

    /** Policy documents whose grants are remembered: one account's policies are shared by most of its principals. */
    private static final int MAX_CACHED_DOCUMENTS = 50_000;

    private final ActionCatalog catalog;
    private final Map<String, Map<String, Set<String>>> grantsByDocument = new ConcurrentHashMap<>();

    public LastAccessedCalculator(ActionCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param documents   the entity's effective policy documents (JSON text)
     * @param entities    the users and roles whose usage counts for it
     * @param actionLevel whether to list tracked actions
     */
    public List<ServiceLine> compute(List<String> documents, List<PrincipalPolicies.UsageEntity> entities,
                                     boolean actionLevel, IamDirectory dir) {
        Map<String, Set<String>> granted = granted(documents);
        List<ServiceLine> lines = new ArrayList<>();
        granted.forEach((service, actions) -> {
            Instant last = null;
            String entity = null;
            String region = null;
            int total = 0;
            for (PrincipalPolicies.UsageEntity e : entities) {
                ServiceUsage u = e.usage().get(service);
                if (u != null && u.daysAgo() != null) {
                    total++;
                    Instant t = dir.ago(u.daysAgo());
                    if (last == null || t.isAfter(last)) {
                        last = t;
                        entity = e.arn();
                        region = u.region();
                    }
                }
            }
            List<ActionLine> tracked = actionLevel && TRACKED_SERVICES.contains(service)
                    ? actions(service, actions, entities, dir) : null;
            lines.add(new ServiceLine(service, catalog.serviceName(service), last, entity, region, total, tracked));
        });
        return lines;
    }

    private List<ActionLine> actions(String service, Set<String> actions, List<PrincipalPolicies.UsageEntity> entities,
                                     IamDirectory dir) {
        List<ActionLine> out = new ArrayList<>();
        for (String action : actions) {
            if (UNTRACKED_ACTIONS.stream().anyMatch(action::equalsIgnoreCase)) {
                continue;
            }
            String name = action.substring(action.indexOf(':') + 1);
            Instant last = null;
            String entity = null;
            String region = null;
            for (PrincipalPolicies.UsageEntity e : entities) {
                ServiceUsage u = e.usage().get(service);
                Integer days = u == null ? null : actionDays(u, service, name);
                if (days != null && (last == null || dir.ago(days).isAfter(last))) {
                    last = dir.ago(days);
                    entity = e.arn();
                    region = u.region();
                }
            }
            out.add(new ActionLine(name, last, entity, region));
        }
        return out;
    }

    private static Integer actionDays(ServiceUsage u, String service, String name) {
        for (var e : u.actions().entrySet()) {
            String key = e.getKey().startsWith(service + ":") ? e.getKey().substring(service.length() + 1) : e.getKey();
            if (key.equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Service prefix → the concrete allowed actions of it (only expanded for tracked services). */
    Map<String, Set<String>> granted(List<String> documents) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (String doc : documents) {
            grants(doc).forEach((prefix, actions) -> out.computeIfAbsent(prefix, k -> new TreeSet<>()).addAll(actions));
        }
        return out;
    }

    /**
     * What one document allows, per service. Parsing a document and matching its patterns against the catalog is
     * most of the sandbox's CPU per Access Advisor answer, and the same few documents come back for every principal
     * of an account (benchmark organizations: 100 principals over 10 policies).
     */
    private Map<String, Set<String>> grants(String doc) {
        Map<String, Set<String>> cached = grantsByDocument.get(doc);
        if (cached != null) {
            return cached;
        }
        Map<String, Set<String>> computed = Collections.unmodifiableMap(grantsOf(doc));
        if (grantsByDocument.size() < MAX_CACHED_DOCUMENTS) {
            grantsByDocument.put(doc, computed);
        }
        return computed;
    }

    private Map<String, Set<String>> grantsOf(String doc) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Statement s : PolicyDocument.parse(doc).allows()) {
            if (s.notAction()) {
                for (String prefix : catalog.prefixes()) {
                    ActionCatalog.Service svc = catalog.service(prefix);
                    List<String> allowed = svc.actions().stream().map(a -> prefix + ":" + a)
                            .filter(s::coversAction).toList();
                    if (!allowed.isEmpty()) {
                        add(out, prefix, allowed);
                    }
                }
                continue;
            }
            for (ActionPattern p : s.actions()) {
                for (String prefix : catalog.servicesOf(p)) {
                    if (!TRACKED_SERVICES.contains(prefix)) {
                        out.computeIfAbsent(prefix, k -> new TreeSet<>());
                        continue;
                    }
                    ActionCatalog.Service svc = catalog.service(prefix);
                    List<String> allowed = svc == null ? List.of(p.text()) : svc.actions().stream()
                            .map(a -> prefix + ":" + a).filter(p::matches).toList();
                    add(out, prefix, allowed);
                }
            }
        }
        return out;
    }

    private static void add(Map<String, Set<String>> out, String prefix, List<String> actions) {
        Set<String> set = out.computeIfAbsent(prefix, k -> new TreeSet<>());
        if (TRACKED_SERVICES.contains(prefix)) {
            set.addAll(actions);
        }
    }
}

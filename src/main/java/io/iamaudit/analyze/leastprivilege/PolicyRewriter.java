package io.iamaudit.analyze.leastprivilege;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamaudit.analyze.leastprivilege.UsageDecider.Decision;
import io.iamaudit.analyze.leastprivilege.UsageDecider.Kind;
import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.policy.ActionPattern;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.policy.Statement;
import io.iamaudit.stage.LeastPrivilegeRecommendation.RemovedPermission;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rewrites one policy document to what its principal uses. Pure; the steps, in order:
 * <ol>
 *   <li>work on a deep copy; Deny statements and statements whose Sid starts with the opt-out prefix stay as they
 *       are (a Deny only ever narrows);</li>
 *   <li>for each Allow statement, each Action pattern is expanded through the catalog and each action decided by
 *       {@link UsageDecider}; a pattern whose actions are all kept stays verbatim, otherwise the kept actions are
 *       written back compacted ({@link ActionCompactor}) and every removal records its evidence;</li>
 *   <li>{@code *} is replaced by the services last-accessed shows used ({@code service:*}, or their kept tracked
 *       actions), plus the actions last-accessed cannot see ({@link UntrackedActions}), flagged;</li>
 *   <li>an Allow with NotAction is replaced by the used services only when none of them is partly excluded by the
 *       NotAction list (then the narrowing is exact); otherwise it is kept and flagged - never widened;</li>
 *   <li>Resource, NotResource, Condition and any other key of a statement are copied unchanged; statements left
 *       without actions are dropped; a document left without statements is proposed for detachment
 *       ({@code proposed == null}).</li>
 * </ol>
 */
public final class PolicyRewriter {

    /** The outcome for one document; {@code proposed} is {@code null} when nothing in it is still needed. */
    public record Result(ObjectNode proposed, List<RemovedPermission> removed, List<String> keptForReview,
                         boolean changed) {
    }

    private final ActionCatalog catalog;
    private final ActionCompactor compactor;

    public PolicyRewriter(ActionCatalog catalog) {
        this.catalog = catalog;
        this.compactor = new ActionCompactor(catalog);
    }

    public Result rewrite(PolicyDocument doc, UsageDecider decider, String optOutPrefix) {
        Acc acc = new Acc();
        ArrayNode statements = JsonNodeFactory.instance.arrayNode();
        for (Statement st : doc.statements()) {
            ObjectNode out = statement(st, decider, optOutPrefix, acc);
            if (out != null) {
                statements.add(out);
            }
        }
        ObjectNode proposed = null;
        if (!statements.isEmpty()) {
            proposed = doc.json().deepCopy();
            proposed.set("Statement", statements);
        }
        return new Result(proposed, acc.removed, List.copyOf(acc.review), acc.changed);
    }

    private ObjectNode statement(Statement st, UsageDecider decider, String optOutPrefix, Acc acc) {
        if (!st.allow()) {
            return st.json().deepCopy();
        }
        if (st.sid() != null && optOutPrefix != null && st.sid().startsWith(optOutPrefix)) {
            acc.review.add("statement " + st.sid() + " opted out (Sid prefix " + optOutPrefix + "); kept as is");
            return st.json().deepCopy();
        }
        List<String> actions = st.notAction() ? narrowNotAction(st, decider, acc) : narrowActions(st, decider, acc);
        if (actions == null) {
            return st.json().deepCopy();
        }
        if (actions.isEmpty()) {
            return null;
        }
        ObjectNode out = st.json().deepCopy();
        out.remove("NotAction");
        ArrayNode list = out.putArray("Action");
        actions.forEach(list::add);
        return out;
    }

    /** The new Action list, or {@code null} to keep the statement verbatim. */
    private List<String> narrowActions(Statement st, UsageDecider decider, Acc acc) {
        Set<String> out = new LinkedHashSet<>();
        boolean changed = false;
        for (ActionPattern p : st.actions()) {
            if ("*".equals(p.text())) {
                List<String> services = usedServices(ActionPattern.ALL, decider, acc);
                flagUntracked(services, acc);
                out.addAll(services);
                changed = true;
                continue;
            }
            Set<String> concrete = "*".equals(p.service()) ? Set.of() : catalog.expand(p);
            if (concrete.isEmpty()) {
                // no catalog action to judge one by one: the service-level evidence decides the whole pattern
                Decision d = "*".equals(p.service()) ? new Decision(Kind.REVIEW, null) : decider.decide(p.text());
                if (d.kind() == Kind.REMOVE) {
                    acc.removed.add(new RemovedPermission(p.text(), d.evidence()));
                    changed = true;
                } else {
                    acc.review.add(p.text() + ": matches no action known to the catalog; kept");
                    out.add(p.text());
                }
                continue;
            }
            List<String> keep = new ArrayList<>();
            List<RemovedPermission> removed = new ArrayList<>();
            for (String action : concrete) {
                Decision d = decider.decide(action);
                if (d.kind() == Kind.REMOVE) {
                    removed.add(new RemovedPermission(action, d.evidence()));
                } else {
                    keep.add(action);
                    if (d.kind() == Kind.REVIEW) {
                        acc.review.add(d.evidence());
                    }
                }
            }
            if (removed.isEmpty()) {
                out.add(p.text());
                continue;
            }
            changed = true;
            if (!keep.isEmpty() && p.hasWildcard()) {
                acc.review.add(catalogNote(p.service()));
            }
            if (keep.isEmpty()) {
                acc.removed.add(new RemovedPermission(p.text(), removed.get(0).evidence()));
            } else {
                acc.removed.addAll(removed);
                out.addAll(compactor.compact(keep, p));
            }
        }
        acc.changed |= changed;
        return changed ? withoutSubsumed(out) : null;
    }

    /** Used services as patterns, for {@code *} or a NotAction statement that excludes none of them. */
    private List<String> usedServices(ActionPattern original, UsageDecider decider, Acc acc) {
        Usage usage = decider.usage();
        Set<String> out = new LinkedHashSet<>();
        for (Usage.ServiceUse s : usage.services().values().stream()
                .sorted(java.util.Comparator.comparing(Usage.ServiceUse::namespace)).toList()) {
            if (!usage.used(s.lastAuthenticated())) {
                acc.removed.add(new RemovedPermission(s.namespace() + ":*", decider.serviceEvidence(s)));
                continue;
            }
            List<String> known = catalog.actionsOf(s.namespace());
            List<String> keep = new ArrayList<>();
            for (String a : known) {
                Decision d = decider.decide(a);
                if (d.kind() == Kind.REMOVE) {
                    acc.removed.add(new RemovedPermission(a, d.evidence()));
                } else {
                    keep.add(a);
                }
            }
            if (known.isEmpty() || keep.size() == known.size()) {
                out.add(s.namespace() + ":*");
            } else {
                s.actions().entrySet().stream().filter(e -> usage.used(e.getValue().orElse(null)))
                        .filter(e -> known.stream().noneMatch(k -> k.equalsIgnoreCase(e.getKey())))
                        .forEach(e -> keep.add(e.getKey()));
                out.addAll(compactor.compact(keep, original));
                acc.review.add(catalogNote(s.namespace()));
            }
        }
        for (String untracked : UntrackedActions.ACTIONS) {
            String name = catalog.expand(new ActionPattern(untracked)).iterator().next();
            if (!usage.serviceUsed(new ActionPattern(name).service()) && original.matches(name)) {
                out.add(name);
            }
        }
        acc.removed.add(new RemovedPermission(original.text() + " (services not in the last-accessed report)",
                "AWS lists every service the principal's policies allow; services it does not list were never "
                        + "reached and are not re-granted"));
        return List.copyOf(out);
    }

    private List<String> narrowNotAction(Statement st, UsageDecider decider, Acc acc) {
        String label = "NotAction statement" + (st.sid() == null ? "" : " " + st.sid());
        if (st.actions().stream().anyMatch(p -> "*".equals(p.text()))) {
            return null;
        }
        for (String ns : decider.usage().usedServices()) {
            if (st.actions().stream().anyMatch(p -> p.service().equals(ns) || "*".equals(p.service()))) {
                acc.review.add(label + " kept: used service " + ns + " is partly excluded by NotAction, so it "
                        + "cannot be narrowed without guessing; rewrite it by hand");
                return null;
            }
        }
        Acc local = new Acc();
        List<String> services = usedServices(ActionPattern.ALL, decider, local);
        // Patterns come from services the NotAction list does not touch; only the literal untracked actions
        // (iam:PassRole, ...) may be excluded and need the check.
        List<String> allowed = services.stream().filter(a -> a.contains("*") || st.coversAction(a)).toList();
        acc.review.addAll(local.review);
        flagUntracked(allowed, acc);
        acc.removed.add(new RemovedPermission(label + " " + st.actions().stream().map(ActionPattern::text).toList(),
                "narrowed to the services used in the window: " + String.join(", ", allowed)));
        acc.changed = true;
        return allowed;
    }

    /** Drops patterns another pattern of the same list already covers ({@code ec2:DescribeX} next to {@code ec2:Describe*}). */
    private static List<String> withoutSubsumed(Set<String> patterns) {
        List<ActionPattern> all = patterns.stream().map(ActionPattern::new).toList();
        return all.stream().filter(p -> all.stream().noneMatch(q -> q != p && !q.text().equalsIgnoreCase(p.text())
                && p.within(q))).map(ActionPattern::text).toList();
    }

    private static void flagUntracked(List<String> actions, Acc acc) {
        actions.stream().filter(UntrackedActions::contains)
                .forEach(a -> acc.review.add(a + ": last-accessed cannot see it; kept for review"));
    }

    private static String catalogNote(String service) {
        return service + ": narrowed to the actions of the bundled Service Authorization Reference; an action AWS "
                + "added since is no longer granted - check the service's recent changes";
    }

    private static final class Acc {
        final List<RemovedPermission> removed = new ArrayList<>();
        final Set<String> review = new LinkedHashSet<>();
        boolean changed;
    }
}

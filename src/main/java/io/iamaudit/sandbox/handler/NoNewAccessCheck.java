package io.iamaudit.sandbox.handler;

import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.policy.ActionPattern;
import io.iamaudit.policy.Glob;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.policy.Statement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * The sandbox's CheckNoNewAccess for identity policies: PASS only when every Allow of the new policy is provably
 * granted by the existing one. AWS decides this with automated reasoning over the full policy semantics; the sandbox
 * compares statement by statement and answers FAIL whenever it cannot be sure:
 * <ul>
 *   <li>an action pattern of the new policy must lie within one pattern of a single existing Allow (wildcards are
 *       compared as patterns, never as today's catalog expansion, since AWS keeps adding actions); under an existing
 *       NotAction, a literal action must be outside its list, and a wildcard must not share a service with it;</li>
 *   <li>that existing statement must cover the new statement's resources (its {@code *}, a pattern matching them, or
 *       the same NotResource list) and carry no condition, or exactly the same one;</li>
 *   <li>every existing Deny must be carried over unchanged (dropping one could grant new access).</li>
 * </ul>
 */
final class NoNewAccessCheck {

    /** PASS or FAIL, with a reason per statement that grants something new. */
    record Result(boolean pass, List<Reason> reasons) {
    }

    record Reason(String description, int statementIndex, String statementId) {
    }

    private final ActionCatalog catalog;

    NoNewAccessCheck(ActionCatalog catalog) {
        this.catalog = catalog;
    }

    /** @throws IllegalArgumentException when a document is not a policy */
    Result check(String newPolicy, String existingPolicy) {
        PolicyDocument proposed = PolicyDocument.parse(newPolicy);
        PolicyDocument existing = PolicyDocument.parse(existingPolicy);
        List<Reason> reasons = new ArrayList<>();
        List<Statement> allows = existing.allows();
        for (int i = 0; i < proposed.statements().size(); i++) {
            Statement s = proposed.statements().get(i);
            if (!s.allow()) {
                continue;
            }
            List<String> uncovered = new ArrayList<>();
            if (s.notAction()) {
                if (allows.stream().noneMatch(e -> notActionCovered(s, e))) {
                    uncovered.add("NotAction " + texts(s.actions()));
                }
            } else {
                for (ActionPattern p : s.actions()) {
                    if (allows.stream().noneMatch(e -> actionCovered(p, e) && resourcesCovered(s, e)
                            && conditionCovered(s, e))) {
                        uncovered.add(p.text());
                    }
                }
            }
            if (!uncovered.isEmpty()) {
                reasons.add(new Reason("Statement " + i + " grants " + String.join(", ", uncovered)
                        + " on resources or conditions the existing policy does not grant.", i, s.sid()));
            }
        }
        for (Statement deny : existing.denies()) {
            boolean kept = proposed.denies().stream().anyMatch(d -> withoutSid(d).equals(withoutSid(deny)));
            if (!kept) {
                int index = existing.statements().indexOf(deny);
                reasons.add(new Reason("The existing policy's Deny statement " + index
                        + " is missing from the new policy.", index, deny.sid()));
            }
        }
        return new Result(reasons.isEmpty(), reasons);
    }

    private boolean actionCovered(ActionPattern p, Statement e) {
        if (!e.notAction()) {
            return e.actions().stream().anyMatch(p::within);
        }
        if (!p.hasWildcard()) {
            return e.coversAction(p.text());
        }
        // a wildcard under NotAction: sure only when no excluded pattern shares its service
        String service = p.service();
        return !"*".equals(service) && e.actions().stream()
                .noneMatch(q -> "*".equals(q.service()) || q.service().equalsIgnoreCase(service))
                && catalog.expand(p).stream().allMatch(e::coversAction);
    }

    private static boolean notActionCovered(Statement s, Statement e) {
        boolean everything = !e.notAction() && e.actions().stream().anyMatch(q -> "*".equals(q.text()));
        boolean sameExclusions = e.notAction() && lower(e.actions()).equals(lower(s.actions()));
        return (everything || sameExclusions) && resourcesCovered(s, e) && conditionCovered(s, e);
    }

    private static boolean resourcesCovered(Statement s, Statement e) {
        if (e.allResources()) {
            return true;
        }
        if (s.notResource() || e.notResource()) {
            return s.notResource() && e.notResource() && new HashSet<>(s.resources()).equals(new HashSet<>(e.resources()));
        }
        return s.resources().stream().allMatch(r -> e.resources().stream().anyMatch(er -> resourceWithin(r, er)));
    }

    /** Exact for equal texts, literals and trailing-{@code *} prefixes; otherwise not covered. */
    private static boolean resourceWithin(String r, String er) {
        if (r.equals(er) || "*".equals(er)) {
            return true;
        }
        boolean wild = r.indexOf('*') >= 0 || r.indexOf('?') >= 0;
        if (!wild) {
            return Glob.matches(er, r);
        }
        return r.indexOf('*') == r.length() - 1 && r.indexOf('?') < 0 && er.indexOf('*') == er.length() - 1
                && er.indexOf('?') < 0 && r.startsWith(er.substring(0, er.length() - 1));
    }

    private static boolean conditionCovered(Statement s, Statement e) {
        return !e.hasCondition() || s.hasCondition() && s.condition().equals(e.condition());
    }

    private static Object withoutSid(Statement s) {
        var copy = s.json().deepCopy();
        copy.remove("Sid");
        return copy;
    }

    private static List<String> lower(List<ActionPattern> patterns) {
        return patterns.stream().map(p -> p.text().toLowerCase(Locale.ROOT)).sorted().toList();
    }

    private static String texts(List<ActionPattern> patterns) {
        return patterns.stream().map(ActionPattern::text).toList().toString();
    }
}

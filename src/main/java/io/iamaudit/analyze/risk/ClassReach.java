package io.iamaudit.analyze.risk;

import io.iamaudit.analyze.LruCache;
import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.policy.ActionPattern;
import io.iamaudit.policy.Statement;

import java.util.ArrayList;
import java.util.List;

/**
 * The actions of one risk class that one statement's action clause reaches: its {@link RiskActions#candidates}
 * (wildcards and NotAction expanded through the catalog) that the class {@link RiskClass#includes}, in candidate
 * order. Both depend only on the clause (Action or NotAction, and its patterns), the class and the catalog, and the
 * same clauses come back in every principal and account (AWS managed policies, an account's customer policies) while
 * expanding {@code "*"} means 17,000 actions: profiling the analysis of 800 accounts found this expansion, repeated per
 * principal and class, its largest cost. So the answer is kept, across accounts and threads, in a bounded cache; the
 * lists are short except for {@code "*"}-like clauses, of which an organization has few.
 */
final class ClassReach {

    /** Enough for every clause of a few accounts analysed at once; past it, the least recently used are recomputed. */
    private static final LruCache<Key, List<String>> REACHED = new LruCache<>(4096);

    /** The statement's action clause, not the statement: resources, conditions and Sid do not change what it names. */
    private record Key(ActionCatalog catalog, RiskClass risk, boolean notAction, List<ActionPattern> actions) {
    }

    private ClassReach() {
    }

    /** The class's actions the clause reaches (shared and unmodifiable). */
    static List<String> of(RiskClass risk, Statement st, ActionCatalog catalog) {
        return REACHED.get(new Key(catalog, risk, st.notAction(), st.actions()), k -> direct(risk, st, catalog));
    }

    /** The same, computed without the cache. */
    static List<String> direct(RiskClass risk, Statement st, ActionCatalog catalog) {
        List<String> out = new ArrayList<>();
        for (String action : RiskActions.candidates(st, catalog)) {
            if (risk.includes(action, catalog)) {
                out.add(action);
            }
        }
        return List.copyOf(out);
    }
}

package io.iamaudit.analyze.leastprivilege;

import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.policy.ActionPattern;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.policy.Statement;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Counts what Allow statements grant, by expanding wildcards and NotAction through the catalog. */
final class ActionCounter {
    private final ActionCatalog catalog;

    ActionCounter(ActionCatalog catalog) {
        this.catalog = catalog;
    }

    /** Granted actions (lower case) of the documents' Allow statements; Deny is ignored for counting. */
    Set<String> granted(Collection<PolicyDocument> docs) {
        Set<String> out = new HashSet<>();
        for (PolicyDocument d : docs) {
            for (Statement s : d.allows()) {
                if (s.notAction()) {
                    for (String prefix : catalog.prefixes()) {
                        catalog.actionsOf(prefix).stream().filter(s::coversAction)
                                .forEach(a -> out.add(a.toLowerCase(Locale.ROOT)));
                    }
                } else {
                    for (ActionPattern p : s.actions()) {
                        catalog.expand(p).forEach(a -> out.add(a.toLowerCase(Locale.ROOT)));
                    }
                }
            }
        }
        return out;
    }

    static Set<String> services(Set<String> actions) {
        Set<String> out = new TreeSet<>();
        actions.forEach(a -> out.add(a.substring(0, Math.max(0, a.indexOf(':')))));
        return out;
    }
}

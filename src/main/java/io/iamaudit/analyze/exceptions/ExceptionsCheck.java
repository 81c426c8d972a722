package io.iamaudit.analyze.exceptions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks an exceptions file against what it refers to. Each problem is one line naming the entry (its position in
 * the file, 1-based). docs/exceptions.md says which of them stop a run and which are only logged.
 */
public final class ExceptionsCheck {

    private ExceptionsCheck() {
    }

    /** Entries naming a rule the catalog does not have: they would except nothing. */
    public static List<String> unknownRules(ExceptionSet set, Set<String> ruleIds) {
        List<String> problems = new ArrayList<>();
        List<AuditException> entries = set.exceptions();
        for (int i = 0; i < entries.size(); i++) {
            String rule = entries.get(i).rule();
            if (!"*".equals(rule) && ruleIds.stream().noneMatch(rule::equalsIgnoreCase)) {
                problems.add("exception " + (i + 1) + ": rule '" + rule + "' is not in the rule catalog"
                        + " (java -jar iam-audit.jar rules lists the ids)");
            }
        }
        return problems;
    }

    /** Entries naming an account that is not in the organization (closed, moved, or mistyped). */
    public static List<String> unknownAccounts(ExceptionSet set, Set<String> organizationAccounts) {
        List<String> problems = new ArrayList<>();
        List<AuditException> entries = set.exceptions();
        for (int i = 0; i < entries.size(); i++) {
            String account = entries.get(i).account();
            if (account != null && !organizationAccounts.contains(account)) {
                problems.add("exception " + (i + 1) + ": account " + account + " is not in the organization");
            }
        }
        return problems;
    }

    /** Entries past their expiry: their findings are reported as FAIL again, with a note that the exception expired. */
    public static List<String> expired(ExceptionSet set, LocalDate today) {
        List<String> problems = new ArrayList<>();
        List<AuditException> entries = set.exceptions();
        for (int i = 0; i < entries.size(); i++) {
            AuditException e = entries.get(i);
            if (!e.activeOn(today)) {
                problems.add("exception " + (i + 1) + " (" + e.identity() + ", " + e.rule() + ", owner " + e.owner()
                        + ") expired on " + e.expires() + " and no longer applies");
            }
        }
        return problems;
    }
}

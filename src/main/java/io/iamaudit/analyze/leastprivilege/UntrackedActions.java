package io.iamaudit.analyze.leastprivilege;

import java.util.Locale;
import java.util.Set;

/**
 * Actions IAM last-accessed cannot see, so "not used" is never evidence against them: they are authorized as part
 * of another call and never appear as a request of their own (Repokid's IAM_ACCESS_ADVISOR_UNSUPPORTED_ACTIONS).
 * The engine keeps them and flags them for review.
 */
public final class UntrackedActions {

    /** {@code iam:PassRole} is checked when a service receives a role; the STS ones when a session is created. */
    public static final Set<String> ACTIONS = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(
            Set.of("iam:passrole", "sts:tagsession", "sts:setsourceidentity")));

    private UntrackedActions() {
    }

    public static boolean contains(String action) {
        return ACTIONS.contains(action.toLowerCase(Locale.ROOT));
    }
}

package io.iamaudit.analyze.leastprivilege;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The role iam-audit itself assumes in every account ({@code iam-audit.role-name}) and the IAM actions the audit
 * needs, from {@code scripts/deploy/required-actions.txt} (packaged as {@code deploy/required-actions.txt}). A
 * proposal for that role never removes one of them: applying it would break the next audit.
 *
 * @param roleName the audit role's name; {@code null} when no role is protected (unit tests)
 * @param actions  the required IAM actions, lower case
 */
public record AuditRoleActions(String roleName, Set<String> actions) {

    /** The packaged copy of {@code scripts/deploy/required-actions.txt}. */
    public static final String RESOURCE = "/deploy/required-actions.txt";

    public AuditRoleActions {
        // sorted, not Set.copyOf: the rewriter adds these in iteration order, and Set.copyOf's order changes from one
        // JVM to the next, so the same audit role got a differently ordered proposal every night
        actions = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(actions));
    }

    /** No role protected. */
    public static AuditRoleActions none() {
        return new AuditRoleActions(null, Set.of());
    }

    /** The named role with the actions of the packaged required-actions.txt. */
    public static AuditRoleActions of(String roleName) {
        try (InputStream in = AuditRoleActions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new AuditRoleActions(roleName, read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code iam-action} column (second) of every non-comment line. */
    static Set<String> read(InputStream in) throws IOException {
        Set<String> out = new TreeSet<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = reader.readLine()) != null; ) {
            String[] cols = line.split("\t");
            if (!line.startsWith("#") && cols.length >= 2 && cols[1].contains(":")) {
                out.add(cols[1].trim().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** Whether a principal is the audit role (role name, case-sensitive as IAM role names are unique ignoring case). */
    public boolean isAuditRole(String principalType, String principalName) {
        return roleName != null && "Role".equals(principalType) && roleName.equalsIgnoreCase(principalName);
    }

    public boolean required(String action) {
        return actions.contains(action.toLowerCase(Locale.ROOT));
    }

    /** The note every proposal of the audit role carries. */
    String keepNote() {
        return "audit role " + roleName + ": keeps every action iam-audit calls (scripts/deploy/required-actions.txt, "
                + actions.size() + " actions) whatever last-accessed says; removing one would break the next audit";
    }

    /** The audit role's "holds more than the audit needs" report, from what its proposals still grant. */
    java.util.Optional<String> beyondRequired(java.util.List<String> kept) {
        java.util.List<String> extra = kept.stream().filter(a -> !required(a)).sorted().toList();
        if (extra.isEmpty()) {
            return java.util.Optional.empty();
        }
        java.util.Set<String> services = new TreeSet<>();
        extra.forEach(a -> services.add(a.substring(0, Math.max(0, a.indexOf(':')))));
        return java.util.Optional.of("audit role " + roleName + " holds " + extra.size() + " action(s) beyond what "
                + "iam-audit needs, in " + services.size() + " service(s): " + String.join(", ", services.stream()
                .limit(20).toList()) + (services.size() > 20 ? ", ..." : "") + " - review them separately");
    }
}

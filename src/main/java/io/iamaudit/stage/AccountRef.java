package io.iamaudit.stage;

import java.util.Map;

/**
 * An account as discovered in the organization.
 *
 * @param state   Organizations' {@code State} (ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED, ...)
 * @param ouPath  human-readable path of OU names from the root, e.g. {@code Root/Workloads/Prod}
 */
public record AccountRef(String accountId, String name, String email, String state, String ouPath,
                         Map<String, String> tags) {
    public AccountRef {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public boolean active() {
        return "ACTIVE".equals(state);
    }
}

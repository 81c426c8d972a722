package io.iamaudit.analyze.leastprivilege;

import io.iamaudit.policy.ActionCatalog;

import java.util.List;

/** Real action names from the bundled catalog, for tests that need many. */
final class ActionCatalogActions {
    private ActionCatalogActions() {
    }

    static List<String> first(int n, String prefix) {
        return ActionCatalog.bundled().actionsOf(prefix).stream().limit(n).toList();
    }
}

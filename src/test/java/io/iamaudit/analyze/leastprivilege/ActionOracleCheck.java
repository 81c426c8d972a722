package io.iamaudit.analyze.leastprivilege;

import io.iamaudit.policy.ActionCatalog;

import static org.assertj.core.api.Assertions.assertThat;

/** Every catalog action, in every context of the original: the proposal allows nothing the original did not. */
final class ActionOracleCheck {
    private ActionOracleCheck() {
    }

    static void neverWidens(String original, String proposed) {
        ActionOracle before = new ActionOracle(original);
        ActionOracle after = new ActionOracle(proposed);
        ActionCatalog catalog = ActionCatalog.bundled();
        for (String context : after.contexts()) {
            for (String prefix : catalog.prefixes()) {
                for (String action : catalog.actionsOf(prefix)) {
                    if (after.allows(action, context)) {
                        assertThat(before.allows(action, context)).as("%s widened in %s", action, context).isTrue();
                    }
                }
            }
        }
    }
}

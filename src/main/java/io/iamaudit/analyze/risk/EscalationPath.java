package io.iamaudit.analyze.risk;

import java.util.List;

/**
 * One privilege-escalation path of {@code policy/escalation-paths.yaml}: actions that, all granted, let a principal
 * obtain permissions it was not given.
 *
 * @param id          stable name (Cloudsplaining's method name where it has one); part of the finding id
 * @param actions     every action the path needs
 * @param resources   what the actions must reach for the path to work
 * @param anyResource the path counts only when every action is granted on every resource
 * @param sources     the catalogs that list it: rhino, bishopfox, pathfinding
 * @param reference   the write-up
 */
public record EscalationPath(String id, List<String> actions, String resources, String description,
                             boolean anyResource, List<String> sources, String reference) {
    public EscalationPath {
        actions = actions == null ? List.of() : List.copyOf(actions);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}

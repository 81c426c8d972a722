package io.iamaudit.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Evaluates {@link RequiresPeers} before a class's {@code @BeforeAll} (so no peer is started in vain): disabled with
 * the reason when a peer is missing, a failure when {@code -Dpeers=required}.
 */
public final class PeerCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Peer[] peers = context.getElement()
                .flatMap(element -> AnnotationSupport.findAnnotation(element, RequiresPeers.class))
                .map(RequiresPeers::value).orElse(new Peer[0]);
        return evaluate(context, peers);
    }

    static ConditionEvaluationResult evaluate(ExtensionContext context, Peer... peers) {
        String reason = Peers.missing(context.getDisplayName(), peers);
        if (reason == null) {
            return ConditionEvaluationResult.enabled("peers present");
        }
        if (Peers.required()) {
            throw new AssertionError(reason + ", and -D" + Peers.MODE_PROPERTY + "=required makes it mandatory");
        }
        System.err.println("SKIPPED: " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}

package io.iamaudit.testsupport;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a running {@link MotoServer}: one process for the whole test run (kept in the root store, which closes
 * it when the run ends), reset before every test. Without moto_server the tests are skipped ({@link Peers}).
 */
public final class MotoServerExtension implements ExecutionCondition, BeforeEachCallback, ParameterResolver {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return PeerCondition.evaluate(context, Peer.MOTO_SERVER);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        server(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MotoServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    private static MotoServer server(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(MotoServerExtension.class))
                .getOrComputeIfAbsent(MotoServer.class, key -> {
                    try {
                        return MotoServer.start();
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot start moto_server", e);
                    }
                }, MotoServer.class);
    }
}

package io.iamaudit.sandbox.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamaudit.sandbox.wire.AwsException;
import io.iamaudit.sandbox.wire.Json;
import io.iamaudit.sandbox.wire.Pages;
import io.iamaudit.sandbox.wire.Protocol;
import io.iamaudit.sandbox.wire.SandboxRequest;
import io.iamaudit.sandbox.wire.SandboxResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The JSON 1.1 protocol's common ground: the operation is the suffix of {@code X-Amz-Target}, the input is the JSON
 * body, errors carry {@code __type}.
 */
abstract class JsonHandler implements ServiceHandler {

    private final Map<String, BiFunction<SandboxRequest, ObjectNode, ObjectNode>> operations = new LinkedHashMap<>();
    private final String targetPrefix;

    JsonHandler(String targetPrefix) {
        this.targetPrefix = targetPrefix;
    }

    void operation(String name, BiFunction<SandboxRequest, ObjectNode, ObjectNode> answer) {
        operations.put(name, answer);
    }

    @Override
    public Protocol protocol() {
        return Protocol.JSON_1_1;
    }

    @Override
    public String operationOf(SandboxRequest request) {
        String target = request.header("X-Amz-Target");
        if (target == null) {
            return null;
        }
        int dot = target.indexOf('.');
        return dot < 0 ? target : target.substring(dot + 1);
    }

    @Override
    public boolean implemented(String operation) {
        return operations.containsKey(operation);
    }

    @Override
    public SandboxResponse handle(String operation, SandboxRequest request) {
        String target = request.header("X-Amz-Target");
        if (!target.startsWith(targetPrefix + ".")) {
            throw unknownOperation(operation);
        }
        ObjectNode input = Json.body(request.body(), new AwsException(400, "SerializationException",
                "Start of structure or map found where not expected."));
        return protocol().json(operations.get(operation).apply(request, input));
    }

    /** A NextToken/MaxResults page written as {@code {listName: [...], NextToken}}. */
    <T> ObjectNode paged(ObjectNode input, String scope, String listName, List<T> all, int maxLimit,
                         Function<T, ObjectNode> item, AwsException invalidToken) {
        int max = Json.integer(input, "MaxResults", maxLimit);
        if (max < 1 || max > maxLimit) {
            throw invalidInput(max < 1 ? "MIN_VALUE_EXCEEDED" : "MAX_VALUE_EXCEEDED",
                    "You provided a value that exceeds the maximum allowed value.");
        }
        return Pages.page(all, scope, Json.text(input, "NextToken"), max, () -> invalidToken)
                .json(listName, "NextToken", item);
    }

    abstract AwsException invalidInput(String reason, String message);
}

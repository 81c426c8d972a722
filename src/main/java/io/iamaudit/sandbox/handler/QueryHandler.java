package io.iamaudit.sandbox.handler;

import io.iamaudit.sandbox.wire.AwsException;
import io.iamaudit.sandbox.wire.Pages;
import io.iamaudit.sandbox.wire.Protocol;
import io.iamaudit.sandbox.wire.QueryResponses;
import io.iamaudit.sandbox.wire.SandboxRequest;
import io.iamaudit.sandbox.wire.SandboxResponse;
import io.iamaudit.sandbox.wire.XmlWriter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The query protocol's common ground (IAM and STS): the operation is the {@code Action} form field, answers are
 * {@code <OpResponse>} XML, and the generic errors are query-style codes.
 */
abstract class QueryHandler implements ServiceHandler {

    private final Map<String, Function<SandboxRequest, SandboxResponse>> operations = new LinkedHashMap<>();
    private final String version;

    QueryHandler(String version) {
        this.version = version;
    }

    void operation(String name, Function<SandboxRequest, SandboxResponse> answer) {
        operations.put(name, answer);
    }

    @Override
    public Protocol protocol() {
        return Protocol.QUERY;
    }

    @Override
    public String operationOf(SandboxRequest request) {
        return request.param("Action");
    }

    @Override
    public boolean implemented(String operation) {
        return operations.containsKey(operation);
    }

    @Override
    public SandboxResponse handle(String operation, SandboxRequest request) {
        return operations.get(operation).apply(request);
    }

    @Override
    public AwsException throttling() {
        return new AwsException(400, "Throttling", "Rate exceeded");
    }

    @Override
    public AwsException unknownOperation(String operation) {
        return new AwsException(400, "InvalidAction",
                "Could not find operation " + operation + " for version " + version);
    }

    SandboxResponse ok(SandboxRequest request, java.util.function.Consumer<XmlWriter> result) {
        return QueryResponses.ok(operationOf(request), xmlns(), request.requestId(), result);
    }

    static AwsException validation(String message) {
        return new AwsException(400, "ValidationError", message);
    }

    /** A Marker/MaxItems page of a list, written as {@code <listName><member>…} plus IsTruncated and Marker. */
    <T> SandboxResponse paged(SandboxRequest request, String listName, List<T> all, BiConsumer<XmlWriter, T> member) {
        int maxItems = maxItems(request);
        Pages.Page<T> page = Pages.page(all, request.service() + ":" + listName, request.param("Marker"), maxItems,
                () -> new AwsException(400, "InvalidInput", "Invalid value for Marker"));
        return ok(request, x -> {
            x.start(listName);
            page.items().forEach(item -> {
                x.start("member");
                member.accept(x, item);
                x.end();
            });
            x.end().el("IsTruncated", page.truncated()).el("Marker", page.nextToken());
        });
    }

    static int maxItems(SandboxRequest request) {
        String raw = request.param("MaxItems");
        if (raw == null) {
            return 100;
        }
        int n;
        try {
            n = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw validation("1 validation error detected: Value '" + raw + "' at 'maxItems' is not a number");
        }
        if (n < 1 || n > 1000) {
            throw validation("1 validation error detected: Value '" + n + "' at 'maxItems' failed to satisfy "
                    + "constraint: Member must have value " + (n < 1 ? "greater than or equal to 1"
                    : "less than or equal to 1000"));
        }
        return n;
    }
}

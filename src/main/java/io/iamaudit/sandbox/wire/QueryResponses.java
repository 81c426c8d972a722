package io.iamaudit.sandbox.wire;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

/** The query protocol's success envelope: {@code <OpResponse><OpResult>…</OpResult><ResponseMetadata>…}. */
public final class QueryResponses {

    private QueryResponses() {
    }

    public static SandboxResponse ok(String operation, String xmlns, String requestId, Consumer<XmlWriter> result) {
        XmlWriter x = new XmlWriter().start(operation + "Response", xmlns).start(operation + "Result");
        result.accept(x);
        x.end().start("ResponseMetadata").el("RequestId", requestId).end().end();
        return new SandboxResponse(200, "text/xml", Map.of(), x.toString().getBytes(StandardCharsets.UTF_8));
    }
}

package io.iamaudit.sandbox.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The three AWS protocols the sandbox speaks, each with its own error envelope: query (IAM, STS: XML
 * {@code ErrorResponse}), JSON 1.1 (Organizations: {@code __type} body) and REST-JSON (Access Analyzer:
 * {@code X-Amzn-ErrorType} header plus {@code message} body).
 */
public enum Protocol {

    QUERY("text/xml", 400, 403, "ExpiredToken") {
        @Override
        public SandboxResponse error(AwsException e, String requestId, String xmlns) {
            XmlWriter x = new XmlWriter().start("ErrorResponse", xmlns).start("Error")
                    .el("Type", e.senderFault() ? "Sender" : "Receiver").el("Code", e.code()).el("Message", e.getMessage())
                    .end().el("RequestId", requestId).end();
            return new SandboxResponse(e.status(), contentType, e.headers(), x.toString().getBytes(StandardCharsets.UTF_8));
        }
    },
    JSON_1_1("application/x-amz-json-1.1", 400, 400, "ExpiredTokenException") {
        @Override
        public SandboxResponse error(AwsException e, String requestId, String xmlns) {
            ObjectNode body = Json.object().put("__type", e.code()).put("Message", e.getMessage());
            e.fields().forEach((k, v) -> body.set(k, Json.MAPPER.valueToTree(v)));
            return new SandboxResponse(e.status(), contentType, e.headers(), Json.bytes(body));
        }
    },
    REST_JSON("application/json", 404, 403, "ExpiredTokenException") {
        @Override
        public SandboxResponse error(AwsException e, String requestId, String xmlns) {
            ObjectNode body = Json.object().put("message", e.getMessage());
            e.fields().forEach((k, v) -> body.set(k, Json.MAPPER.valueToTree(v)));
            Map<String, String> headers = new LinkedHashMap<>(e.headers());
            headers.put("X-Amzn-ErrorType", e.code());
            return new SandboxResponse(e.status(), contentType, headers, Json.bytes(body));
        }
    };

    final String contentType;
    private final int unknownOperationStatus;
    private final int expiredTokenStatus;
    private final String expiredTokenCode;

    Protocol(String contentType, int unknownOperationStatus, int expiredTokenStatus, String expiredTokenCode) {
        this.contentType = contentType;
        this.unknownOperationStatus = unknownOperationStatus;
        this.expiredTokenStatus = expiredTokenStatus;
        this.expiredTokenCode = expiredTokenCode;
    }

    /** An operation the service does not have (the query protocol's services name their API version instead). */
    public AwsException unknownOperation(String operation) {
        return new AwsException(unknownOperationStatus, "UnknownOperationException", "Unknown operation " + operation);
    }

    /** Expired credentials, with this protocol's status and code. */
    public AwsException expiredToken() {
        return new AwsException(expiredTokenStatus, expiredTokenCode,
                "The security token included in the request is expired");
    }

    public String contentType() {
        return contentType;
    }

    /** The error as this protocol puts it on the wire; {@code xmlns} is only used by the query protocol. */
    public abstract SandboxResponse error(AwsException e, String requestId, String xmlns);

    /** A successful JSON answer (JSON 1.1 or REST-JSON). */
    public SandboxResponse json(ObjectNode body) {
        return new SandboxResponse(200, contentType, Map.of(), Json.bytes(body));
    }
}

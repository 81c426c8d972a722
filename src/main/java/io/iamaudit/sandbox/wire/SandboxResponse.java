package io.iamaudit.sandbox.wire;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An HTTP response to send: status, content type, extra headers, body. */
public record SandboxResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

    public SandboxResponse {
        headers = Map.copyOf(headers);
    }

    public static SandboxResponse of(int status, String contentType, String body) {
        return new SandboxResponse(status, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}

package io.iamaudit.sandbox.wire;

import io.iamaudit.sandbox.state.Caller;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request as received: the service it was signed for, the HTTP method, path and decoded query, headers
 * (lower-case names), body, the form fields of query-protocol bodies, and the caller its credentials identify.
 */
public record SandboxRequest(String requestId, String service, String method, String path,
                             Map<String, String> query, Map<String, String> headers, byte[] body,
                             Map<String, String> form, Caller caller) {

    public SandboxRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        form = Map.copyOf(form);
    }

    public SandboxRequest withCaller(Caller c) {
        return new SandboxRequest(requestId, service, method, path, query, headers, body, form, c);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A form field, or null. */
    public String param(String name) {
        return form.get(name);
    }

    /** A query-protocol list ({@code Filter.member.1}, {@code Filter.member.2}, …). */
    public List<String> paramList(String name) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 1; form.containsKey(name + ".member." + i); i++) {
            out.add(form.get(name + ".member." + i));
        }
        return out;
    }

    /** Decodes {@code a=1&b=2} (form bodies and query strings alike). */
    public static Map<String, String> decodeForm(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }
}

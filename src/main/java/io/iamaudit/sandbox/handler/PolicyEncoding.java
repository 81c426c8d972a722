package io.iamaudit.sandbox.handler;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * IAM returns policy documents URL-encoded per RFC 3986 (spaces as {@code %20}, {@code *} as {@code %2A}), which
 * is what clients must decode; {@link URLEncoder} alone writes HTML form encoding, so it is corrected here.
 */
public final class PolicyEncoding {

    private PolicyEncoding() {
    }

    public static String encode(String json) {
        return URLEncoder.encode(json, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}

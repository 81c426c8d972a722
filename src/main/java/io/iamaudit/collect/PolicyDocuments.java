package io.iamaudit.collect;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Policy documents as IAM's query API returns them: URL-encoded (RFC 3986). The Java SDK, unlike boto, does not
 * decode them. AWS encodes spaces as {@code %20}, so {@link URLDecoder}'s {@code +}-as-space rule is safe; a literal
 * plus arrives as {@code %2B}.
 */
public final class PolicyDocuments {

    private PolicyDocuments() {
    }

    /** The plain JSON of an encoded document; {@code null} stays {@code null}. */
    public static String decode(String encoded) {
        if (encoded == null) {
            return null;
        }
        // URL-encoding turns '{' into %7B, so a document starting with '{' is already plain (some look-alikes)
        if (encoded.stripLeading().startsWith("{")) {
            return encoded;
        }
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
}

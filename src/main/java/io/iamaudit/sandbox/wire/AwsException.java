package io.iamaudit.sandbox.wire;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error the sandbox answers with, as AWS would: HTTP status, error code (as written on the wire, e.g.
 * {@code NoSuchEntity}, not the SDK's exception class name), message, and any extra body fields or headers the
 * protocol carries ({@code Reason}, {@code Retry-After}).
 */
public final class AwsException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public AwsException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public AwsException field(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    public AwsException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> fields() {
        return fields;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** Sender (4xx) or Receiver (5xx), as the query protocol's {@code <Type>} says. */
    public boolean senderFault() {
        return status < 500;
    }
}

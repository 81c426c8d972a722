package io.iamaudit.export;

import com.fasterxml.jackson.core.JsonGenerator;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Writes an SDK model object as the service's JSON: the SDK's own field list gives each member's wire name
 * ({@code SchemaVersion}, {@code AwsAccountId}, ...), so an ASFF file reads exactly like the API's request body.
 * Unset members, including lists and maps the builder never touched, are left out.
 */
public final class SdkJson {
    private SdkJson() {
    }

    public static void write(JsonGenerator out, SdkPojo pojo) throws IOException {
        out.writeStartObject();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (unset(value)) {
                continue;
            }
            out.writeFieldName(field.locationName());
            value(out, value);
        }
        out.writeEndObject();
    }

    private static boolean unset(Object value) {
        return value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap;
    }

    private static void value(JsonGenerator out, Object value) throws IOException {
        if (value instanceof SdkPojo pojo) {
            write(out, pojo);
        } else if (value instanceof Collection<?> list) {
            out.writeStartArray();
            for (Object item : list) {
                value(out, item);
            }
            out.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.writeFieldName(String.valueOf(e.getKey()));
                value(out, e.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Integer i) {
            out.writeNumber(i);
        } else if (value instanceof Long l) {
            out.writeNumber(l);
        } else if (value instanceof Double d) {
            out.writeNumber(d);
        } else if (value instanceof BigDecimal d) {
            out.writeNumber(d);
        } else if (value instanceof Instant t) {
            out.writeString(t.toString());
        } else {
            out.writeString(value.toString());
        }
    }
}

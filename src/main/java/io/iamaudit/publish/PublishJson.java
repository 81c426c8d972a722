package io.iamaudit.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamaudit.json.Mappers;

import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON of the manifest and the latest pointer: ISO-8601 timestamps, indented for people who open it. */
public final class PublishJson {
    private static final ObjectMapper MAPPER = Mappers.pretty();

    private PublishJson() {
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + type.getSimpleName(), e);
        }
    }
}

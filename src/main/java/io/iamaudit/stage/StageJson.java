package io.iamaudit.stage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamaudit.json.Mappers;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON form of the staged records: dates as ISO-8601 strings, unknown properties ignored so older rows stay readable
 * after a record gains a field. {@code Optional} (the password policy's "no policy") is written as {@code []} or
 * {@code [value]}, keeping "no policy" apart from "not collected" ({@code null}). Configured by
 * {@link Mappers#staging()}.
 */
public final class StageJson {

    private static final ObjectMapper MAPPER = Mappers.staging();

    private StageJson() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** As {@link #read(String, Class)} from UTF-8 bytes (Jackson's byte parser, no String in between). */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read staged " + type.getSimpleName(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read staged " + type.getSimpleName(), e);
        }
    }
}

package io.iamaudit.stage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * JSON form of the staged records: dates as ISO-8601 strings, unknown properties ignored so older rows stay readable
 * after a record gains a field. {@link Optional} (the password policy's "no policy") is written as {@code []} or
 * {@code [value]}, keeping "no policy" apart from "not collected" ({@code null}) without the jdk8 Jackson module.
 */
public final class StageJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(optionalModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private StageJson() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read staged " + type.getSimpleName(), e);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static SimpleModule optionalModule() {
        SimpleModule module = new SimpleModule("stage-optional");
        module.addSerializer((Class) Optional.class, new StdSerializer<Optional<?>>((Class) Optional.class) {
            @Override
            public void serialize(Optional<?> value, JsonGenerator gen, SerializerProvider provider)
                    throws IOException {
                gen.writeStartArray();
                if (value.isPresent()) {
                    provider.defaultSerializeValue(value.get(), gen);
                }
                gen.writeEndArray();
            }
        });
        module.setDeserializers(new SimpleDeserializers() {
            @Override
            public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                                                            BeanDescription description) {
                return type.getRawClass() == Optional.class
                        ? new OptionalDeserializer(type.containedTypeOrUnknown(0)) : null;
            }
        });
        return module;
    }

    /** Reads {@code []} as empty and {@code [value]} as present. */
    private static final class OptionalDeserializer extends JsonDeserializer<Optional<?>> {
        private final JavaType contentType;

        OptionalDeserializer(JavaType contentType) {
            this.contentType = contentType;
        }

        @Override
        public Optional<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                return Optional.ofNullable(ctxt.readValue(p, contentType));
            }
            if (p.nextToken() == JsonToken.END_ARRAY) {
                return Optional.empty();
            }
            Object value = ctxt.readValue(p, contentType);
            if (p.nextToken() != JsonToken.END_ARRAY) {
                throw ctxt.wrongTokenException(p, Optional.class, JsonToken.END_ARRAY, "Optional holds one value");
            }
            return Optional.ofNullable(value);
        }
    }
}

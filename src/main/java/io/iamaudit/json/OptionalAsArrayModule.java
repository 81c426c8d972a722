package io.iamaudit.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.util.Optional;

/**
 * {@link Optional} written as {@code []} or {@code [value]}, keeping "none" (the password policy's "no policy") apart
 * from "not collected" ({@code null}) without the jdk8 Jackson module, whose empty Optional is {@code null}.
 */
final class OptionalAsArrayModule {

    private OptionalAsArrayModule() {
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static SimpleModule create() {
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

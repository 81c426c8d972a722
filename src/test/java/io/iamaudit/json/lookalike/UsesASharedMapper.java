package io.iamaudit.json.lookalike;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.iamaudit.json.Mappers;

/** Uses a shared mapper as it is: MappersTest's rule must let it pass. */
public final class UsesASharedMapper {
    public String write(Object value) throws JsonProcessingException {
        return Mappers.pretty().writeValueAsString(value);
    }
}

package io.iamaudit.json.lookalike;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** A class with a mapper of its own, as the code had sixteen: MappersTest's rule must catch it. */
public final class ConfiguresItsOwnMapper {
    public final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
}

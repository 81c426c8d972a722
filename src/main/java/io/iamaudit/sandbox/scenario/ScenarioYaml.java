package io.iamaudit.sandbox.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.iamaudit.json.Mappers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads and writes scenarios (and sandbox profiles) as YAML. Unknown fields are errors, so that a typo in a scenario
 * fails loudly instead of silently planting nothing.
 */
public final class ScenarioYaml {

    private static final ObjectMapper MAPPER = Mappers.yaml();

    private ScenarioYaml() {
    }

    /**
     * Parses YAML into the given type.
     *
     * @throws IllegalArgumentException with a one-line description (and the location) of the problem
     */
    public static <T> T read(InputStream in, Class<T> type) throws IOException {
        try {
            T value = MAPPER.readValue(in, type);
            if (value == null) {
                throw new IllegalArgumentException("the file is empty");
            }
            return value;
        } catch (MismatchedInputException e) {
            String where = e.getPath().isEmpty() ? "" : " at " + path(e);
            throw new IllegalArgumentException(oneLine(e.getOriginalMessage()) + where);
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new IllegalArgumentException("not valid YAML: " + oneLine(e.getOriginalMessage()) + line);
        }
    }

    /** The scenario as YAML, readable again by {@link #read}. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String path(MismatchedInputException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        return sb + (line > 0 ? " (line " + line + ")" : "");
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}

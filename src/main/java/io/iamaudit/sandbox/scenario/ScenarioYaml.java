package io.iamaudit.sandbox.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads and writes scenarios (and sandbox profiles) as YAML. Unknown fields are errors, so that a typo in a scenario
 * fails loudly instead of silently planting nothing.
 */
public final class ScenarioYaml {

    /** Generated benchmark organizations run to tens of megabytes (800 accounts x 100 principals: ~60 MB). */
    static final int MAX_CODE_POINTS = 256 * 1024 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
            .loaderOptions(loaderOptions()).build()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ScenarioYaml() {
    }

    private static LoaderOptions loaderOptions() {
        // SnakeYAML refuses documents over 3 MB by default, a guard against hostile input; scenarios are local files
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        return options;
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

package io.iamaudit.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The one place where Jackson mappers are configured, one per purpose. Static rather than Spring beans because their
 * users are mostly not Spring-managed: records ({@code PolicyDocument.parse}), bundled catalogs and templates loaded
 * once, the staging store's row mappers and the sandbox, which also runs outside the audit's application context.
 * <p>
 * The mappers are shared: use them as they are and never reconfigure one ({@code MappersTest} keeps other packages
 * from configuring or building their own). A purpose that needs a different configuration gets its own method here.
 */
public final class Mappers {

    /** Generated benchmark organizations run to tens of megabytes (800 accounts x 100 principals: ~60 MB). */
    public static final int YAML_MAX_CODE_POINTS = 256 * 1024 * 1024;

    private static final ObjectMapper COMPACT = new ObjectMapper();

    private static final ObjectMapper PRETTY = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private static final ObjectMapper STAGING = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(OptionalAsArrayModule.create())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final ObjectMapper YAML = new ObjectMapper(yamlFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final ObjectMapper TEMPLATE_YAML = new ObjectMapper(yamlFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Mappers() {
    }

    /**
     * Compact JSON with Jackson's defaults: policy documents (members kept in the order written, nothing sorted, so
     * a document reads back as AWS returned it), the sandbox's wire protocols, values inside cells.
     */
    public static ObjectMapper compact() {
        return COMPACT;
    }

    /**
     * Indented JSON for files people open (the manifest, the latest pointer, proposal documents, statistics): dates
     * as ISO-8601 strings. Published bytes are hashed in the manifest, so this configuration is part of the format.
     */
    public static ObjectMapper pretty() {
        return PRETTY;
    }

    /**
     * Compact JSON of the staged records: dates as ISO-8601 strings read back unshifted, unknown properties ignored so
     * older rows stay readable after a record gains a field, and {@link java.util.Optional} as {@code []} or
     * {@code [value]} ({@link OptionalAsArrayModule}).
     */
    public static ObjectMapper staging() {
        return STAGING;
    }

    /**
     * YAML for scenarios, profiles, catalogs and exceptions files: unknown fields are errors, so that a typo fails
     * loudly instead of silently doing nothing. Written YAML has no document marker and quotes only where needed
     * (numbers such as account ids always, so they stay strings).
     */
    public static ObjectMapper yaml() {
        return YAML;
    }

    /** {@link #yaml()} with kebab-case property names: the report templates and the rule displays. */
    public static ObjectMapper templateYaml() {
        return TEMPLATE_YAML;
    }

    private static YAMLFactory yamlFactory() {
        // SnakeYAML refuses documents over 3 MB by default, a guard against hostile input; these are local files
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(YAML_MAX_CODE_POINTS);
        return YAMLFactory.builder().loaderOptions(options).build()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS);
    }
}

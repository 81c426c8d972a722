package io.iamaudit.report;

import io.iamaudit.json.Mappers;
import io.iamaudit.stage.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The workbook template ({@code reports-templates/workbook.yaml}): styles, Summary labels, the classification label
 * printed in every page footer and the column definitions shared by xlsx and csv. Unknown YAML fields fail the load, so a typo does not silently drop a setting.
 */
public record ReportTemplate(String reportName, String classification, StyleSpec styles, List<String> decisions,
                             Map<Severity, Integer> riskWeights, int topRisky, SummarySpec summary,
                             List<TableSpec> tables) {

    /** Where the template lives in the project (and beside the jar when deployed). */
    public static final Path DEFAULT_PATH = Path.of("reports-templates", "workbook.yaml");
    /** The setting that overrides the template's classification label. */
    public static final String CLASSIFICATION_PROPERTY = "iam-audit.report.classification";
    private static final String CLASSPATH_RESOURCE = "/reports-templates/workbook.yaml";

    public ReportTemplate {
        decisions = List.copyOf(decisions);
        riskWeights = Map.copyOf(riskWeights);
        tables = List.copyOf(tables);
        classification = classification == null ? "" : classification;
    }

    /**
     * The same template with another classification label for the page footers ({@code
     * iam-audit.report.classification}); blank keeps the template's.
     */
    public ReportTemplate withClassification(String label) {
        return label == null || label.isBlank() ? this : new ReportTemplate(reportName, label, styles, decisions,
                riskWeights, topRisky, summary, tables);
    }

    public TableSpec table(String key) {
        return tables.stream().filter(t -> t.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalStateException("reports template: table '" + key + "' is missing"));
    }

    public int riskWeight(Severity severity) {
        return riskWeights.getOrDefault(severity, 0);
    }

    /** The template at {@link #DEFAULT_PATH} relative to the working directory, else from the classpath. */
    public static ReportTemplate loadDefault() {
        if (Files.isRegularFile(DEFAULT_PATH)) {
            return load(DEFAULT_PATH);
        }
        try (InputStream in = ReportTemplate.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("reports template not found: " + DEFAULT_PATH.toAbsolutePath()
                        + " (nor " + CLASSPATH_RESOURCE + " on the classpath)");
            }
            return Mappers.templateYaml().readValue(in, ReportTemplate.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reports template " + CLASSPATH_RESOURCE, e);
        }
    }

    public static ReportTemplate load(Path yaml) {
        try (InputStream in = Files.newInputStream(yaml)) {
            return Mappers.templateYaml().readValue(in, ReportTemplate.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reports template " + yaml, e);
        }
    }

}

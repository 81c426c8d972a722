package io.iamaudit.quarterly;

import io.iamaudit.json.Mappers;
import io.iamaudit.report.TableSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The quarterly part of the templates ({@code reports-templates/quarterly.yaml}): sheet names, state labels and the
 * columns of "Findings at quarter end". Unknown fields fail the load, as in the nightly template.
 */
public record QuarterlyTemplate(String reportName, String title, Sheets sheets, States states, TableSpec findings) {
    public static final Path DEFAULT_PATH = Path.of("reports-templates", "quarterly.yaml");
    private static final String CLASSPATH_RESOURCE = "/reports-templates/quarterly.yaml";

    public QuarterlyTemplate {
        Objects.requireNonNull(sheets, "quarterly template: sheets");
        Objects.requireNonNull(states, "quarterly template: states");
        Objects.requireNonNull(findings, "quarterly template: findings");
    }

    /** Names of the sheets other than the findings sheet (whose name is in its table). */
    public record Sheets(String summary, String trend, String accounts, String runs) {
    }

    /** How each state at quarter end reads in the workbook. */
    public record States(String open, String resolved, String excepted, String notEvaluated) {
        public String label(FindingState.State state) {
            return switch (state) {
                case OPEN -> open;
                case RESOLVED -> resolved;
                case EXCEPTED -> excepted;
                case NOT_EVALUATED -> notEvaluated;
            };
        }
    }

    /** The template beside the working directory, else the one packaged in the jar. */
    public static QuarterlyTemplate loadDefault() {
        if (Files.isRegularFile(DEFAULT_PATH)) {
            try (InputStream in = Files.newInputStream(DEFAULT_PATH)) {
                return Mappers.templateYaml().readValue(in, QuarterlyTemplate.class);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read quarterly template " + DEFAULT_PATH, e);
            }
        }
        try (InputStream in = QuarterlyTemplate.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("quarterly template not found: " + DEFAULT_PATH.toAbsolutePath());
            }
            return Mappers.templateYaml().readValue(in, QuarterlyTemplate.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read quarterly template " + CLASSPATH_RESOURCE, e);
        }
    }

}

package io.iamaudit.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The template and the code agree on every column key, and a mismatch fails loudly. */
class ReportTemplateTest {

    @Test
    void theShippedTemplateBindsEveryTable() {
        ReportTables tables = ReportTables.bind(ReportFixtures.TEMPLATE);
        assertThat(tables.findings().columns()).hasSize(28);
        assertThat(tables.findings().columns().stream().filter(c -> c.spec().auditor()).map(c -> c.spec().key()))
                .containsExactly("reviewer", "decision", "ticket", "due_date", "justification");
        assertThat(ReportFixtures.TEMPLATE.decisions()).hasSize(4);
    }

    @Test
    void anUnknownColumnKeyFailsNamingIt(@TempDir Path dir) throws IOException {
        Path yaml = copyWith(dir, "key: cis,", "key: cis_typo,");
        ReportTemplate template = ReportTemplate.load(yaml);
        assertThatThrownBy(() -> ReportTables.bind(template)).hasMessageContaining("cis_typo")
                .hasMessageContaining("findings");
    }

    @Test
    void anAuditorColumnTheToolFillsFails(@TempDir Path dir) throws IOException {
        Path yaml = copyWith(dir, "key: evidence, header: \"Evidence\", type: TEXT, width: 40, wrap: true }",
                "key: evidence, header: \"Evidence\", type: TEXT, width: 40, wrap: true, auditor: true }");
        assertThatThrownBy(() -> ReportTables.bind(ReportTemplate.load(yaml))).hasMessageContaining("evidence");
    }

    @Test
    void aMisspelledSettingFailsTheLoad(@TempDir Path dir) throws IOException {
        Path yaml = copyWith(dir, "header-fill:", "header-fil:");
        assertThatThrownBy(() -> ReportTemplate.load(yaml)).hasMessageContaining("workbook.yaml");
    }

    @Test
    void theClassificationSettingReplacesTheTemplatesLabelUnlessBlank() {
        ReportTemplate template = ReportTemplate.loadDefault();
        assertThat(template.withClassification("Strictly confidential").classification())
                .isEqualTo("Strictly confidential");
        assertThat(template.withClassification(" ").classification()).isEqualTo(template.classification())
                .isNotBlank();
    }

    private static Path copyWith(Path dir, String from, String to) throws IOException {
        String text = Files.readString(ReportTemplate.DEFAULT_PATH);
        assertThat(text).contains(from);
        Path yaml = dir.resolve("workbook.yaml");
        Files.writeString(yaml, text.replace(from, to));
        return yaml;
    }
}

package io.iamaudit.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputLocationTest {

    @Test
    void s3WithAndWithoutPrefix() {
        assertThat(OutputLocation.parse("s3://audit-reports/iam/nightly/"))
                .isEqualTo(new OutputLocation.S3("audit-reports", "iam/nightly"));
        assertThat(OutputLocation.parse("s3://audit-reports")).isEqualTo(new OutputLocation.S3("audit-reports", ""));
        assertThat(new OutputLocation.S3("b-1", "p").key("latest.json")).isEqualTo("p/latest.json");
        assertThat(new OutputLocation.S3("b-1", "").key("latest.json")).isEqualTo("latest.json");
    }

    @Test
    void foldersFromFileUrisAndPlainPaths() {
        assertThat(OutputLocation.parse("file:reports")).isEqualTo(new OutputLocation.Folder(Path.of("reports")));
        assertThat(OutputLocation.parse("file:///var/reports"))
                .isEqualTo(new OutputLocation.Folder(Path.of("/var/reports")));
        assertThat(OutputLocation.parse("/tmp/out")).isEqualTo(new OutputLocation.Folder(Path.of("/tmp/out")));
        assertThat(OutputLocation.parse("./out")).isEqualTo(new OutputLocation.Folder(Path.of("./out")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "s3://", "s3://Bad_Bucket/x", "s3://ab/x", "s3://bucket/a//b", "s3://bucket/../x",
            "gs://bucket/x", "https://example.com/x", "file:", "s3://bucket/x?versionId=1", "S3:bucket"})
    void invalidValuesFailWithOneLineNamingThem(String value) {
        assertThatThrownBy(() -> OutputLocation.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid output location '" + value + "'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void nullIsInvalidToo() {
        assertThatThrownBy(() -> OutputLocation.parse(null)).hasMessage("invalid output location 'null': it is empty");
    }
}

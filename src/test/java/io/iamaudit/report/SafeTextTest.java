package io.iamaudit.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+1", "@SUM(A1)", "-2", "\tcmd", "\rcmd", "=1+2"})
    void formulaTriggersGetASingleQuote(String value) {
        assertThat(SafeText.clean(value)).isEqualTo("'" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "a=b", "svc-ci", "arn:aws:iam::111111111111:user/x", "'quoted", " =spaced"})
    void ordinaryTextStaysAsItIs(String value) {
        assertThat(SafeText.clean(value)).isEqualTo(value);
    }

    @Test
    void accessKeyIdsAreMaskedToTheirLastFour() {
        assertThat(SafeText.maskAccessKeyId("AKIAIOSFODNN7EXAMPLE")).isEqualTo("\u2026MPLE");
        assertThat(SafeText.clean("keys AKIAIOSFODNN7EXAMPLE and ASIAJEXAMPLEXEG2JICEA"))
                .isEqualTo("keys \u2026MPLE and \u2026ICEA");
        assertThat(SafeText.maskAccessKeyId(null)).isNull();
    }

    @Test
    void secretAssignmentsAreRedacted() {
        assertThat(SafeText.clean("aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY rest"))
                .isEqualTo("aws_secret_access_key=<redacted> rest");
        assertThat(SafeText.clean("SessionToken: \"FwoGZXIvYXdzEXAMPLE\""))
                .isEqualTo("SessionToken: <redacted>");
    }
}

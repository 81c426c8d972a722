package io.iamaudit.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

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

    @ParameterizedTest
    @ValueSource(strings = {"secret_key = abc", "SESSION_TOKEN\t:\tabc", "x-amz-security-token:abc",
            "see aws_session_token=abc;", "SecretAccessKey:\"abc\""})
    void assignmentsWithSpacesOrOtherCasesAreRedactedToo(String value) {
        assertThat(SafeText.clean(value)).contains("<redacted>").doesNotContain("abc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sts:GetSessionToken", "secretsmanager:GetSecretValue; kms:CreateKey",
            "{\"Action\":\"sts:GetFederationToken\",\"aws:TokenIssueTime\":\"x\"}"})
    void actionNamesAndPolicyJsonHoldNoSecretAssignment(String value) {
        assertThat(SafeText.mayHoldSecret(value)).isFalse();
        assertThat(SafeText.clean(value)).isEqualTo(value);
    }

    /** The cheap pre-check may only skip texts the regex would leave alone. */
    @Test
    void preCheckNeverHidesWhatTheRegexRedacts() {
        Pattern regex = Pattern.compile("(?i)\\b(aws_?secret_?access_?key|secret_?access_?key|secret_?key"
                + "|aws_?session_?token|session_?token|security_?token|x-amz-security-token)(\\s*[=:]\\s*)"
                + "\"?[^\\s\",;]+\"?");
        String[] parts = {"aws_", "secret", "_", "access", "key", "Key", "KEY", "session", "Token", "token",
                "security", "x-amz-security-token", " ", "\t", "\n", "=", ":", "\"", "abc", ";", ",", "sts:", "\u212A"};
        Random random = new Random(7);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(8) + 1; k > 0; k--) {
                text.append(parts[random.nextInt(parts.length)]);
            }
            String t = text.toString();
            if (regex.matcher(t).find()) {
                assertThat(SafeText.mayHoldSecret(t)).as(t).isTrue();
            }
        }
    }
}

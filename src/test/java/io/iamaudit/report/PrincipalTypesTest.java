package io.iamaudit.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrincipalTypesTest {
    @Test
    void rulesAndAccessAnalyzerShareOneVocabulary() {
        assertThat(PrincipalTypes.label("Role")).isEqualTo(PrincipalTypes.label("IAM.Role")).isEqualTo("Role");
        assertThat(PrincipalTypes.label("AWS::IAM::User")).isEqualTo("User");
        assertThat(PrincipalTypes.label("RootUser")).isEqualTo("Root user");
        assertThat(PrincipalTypes.label("ServerCertificate")).isEqualTo("Server certificate");
        assertThat(PrincipalTypes.label("S3.Bucket")).isEqualTo("S3 bucket");
        assertThat(PrincipalTypes.label("Account")).isEqualTo("Account");
        assertThat(PrincipalTypes.label(null)).isNull();
    }
}

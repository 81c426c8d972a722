package io.iamaudit.collect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyDocumentsTest {

    @Test
    void decodesTheRfc3986FormIamReturns() {
        String encoded = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22"
                + "%2C%22Action%22%3A%22s3%3AGetObject%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D";

        assertThat(PolicyDocuments.decode(encoded)).isEqualTo(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                        + "\"Resource\":\"*\"}]}");
    }

    @Test
    void keepsSpacesPlusSignsAndNonAsciiCharacters() {
        String encoded = "%7B%22Sid%22%3A%20%22a%2Bb%20%C3%A9t%C3%A9%22%7D";

        assertThat(PolicyDocuments.decode(encoded)).isEqualTo("{\"Sid\": \"a+b été\"}");
    }

    @Test
    void leavesPlainJsonAndNullAlone() {
        String plain = "{\"Statement\": [{\"Condition\": {\"StringLike\": {\"x\": \"50%+\"}}}]}";

        assertThat(PolicyDocuments.decode(plain)).isEqualTo(plain);
        assertThat(PolicyDocuments.decode(null)).isNull();
    }
}

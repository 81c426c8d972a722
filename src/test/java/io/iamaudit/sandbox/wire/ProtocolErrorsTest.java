package io.iamaudit.sandbox.wire;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The errors every service of a protocol shares, with the status and code each protocol puts on the wire. */
class ProtocolErrorsTest {

    @Test
    void expiredTokenHasEachProtocolsStatusAndCode() {
        assertThat(Protocol.QUERY.expiredToken()).extracting(AwsException::status, AwsException::code)
                .containsExactly(403, "ExpiredToken");
        assertThat(Protocol.JSON_1_1.expiredToken()).extracting(AwsException::status, AwsException::code)
                .containsExactly(400, "ExpiredTokenException");
        assertThat(Protocol.REST_JSON.expiredToken()).extracting(AwsException::status, AwsException::code)
                .containsExactly(403, "ExpiredTokenException");
        assertThat(Protocol.REST_JSON.expiredToken().getMessage())
                .isEqualTo("The security token included in the request is expired");
    }

    @Test
    void unknownOperationNamesTheOperation() {
        AwsException json = Protocol.JSON_1_1.unknownOperation("CreateAccount");
        AwsException rest = Protocol.REST_JSON.unknownOperation("ListArchiveRules");
        assertThat(json.status()).isEqualTo(400);
        assertThat(rest.status()).isEqualTo(404);
        assertThat(rest.code()).isEqualTo("UnknownOperationException");
        assertThat(json.getMessage()).isEqualTo("Unknown operation CreateAccount");
    }
}

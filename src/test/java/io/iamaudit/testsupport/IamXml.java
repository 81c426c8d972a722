package io.iamaudit.testsupport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** IAM query-protocol XML envelopes for {@link QueryApiStub} handlers. */
public final class IamXml {

    private static final String NS = "https://iam.amazonaws.com/doc/2010-05-08/";

    private IamXml() {
    }

    public static String response(String operation, String result) {
        return "<" + operation + "Response xmlns=\"" + NS + "\"><" + operation + "Result>" + result + "</"
                + operation + "Result><ResponseMetadata><RequestId>req-EXAMPLE</RequestId></ResponseMetadata></"
                + operation + "Response>";
    }

    public static String error(String code, String message) {
        return "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>" + code + "</Code><Message>"
                + message + "</Message></Error><RequestId>req-EXAMPLE</RequestId></ErrorResponse>";
    }

    /** As IAM sends policy documents: RFC 3986 URL-encoded (spaces as %20). */
    public static String encoded(String json) {
        return URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

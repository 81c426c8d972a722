package io.iamaudit.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A server certificate stored in IAM; {@code expiresInDays} negative means already expired. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServerCertificateSpec(String name, String path, Integer uploadedDaysAgo, int expiresInDays) {

    public ServerCertificateSpec {
        path = path == null ? "/" : path;
        uploadedDaysAgo = uploadedDaysAgo == null ? 365 : uploadedDaysAgo;
    }
}

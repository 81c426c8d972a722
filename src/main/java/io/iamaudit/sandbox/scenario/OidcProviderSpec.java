package io.iamaudit.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An OpenID Connect provider by its URL without scheme ({@code token.actions.githubusercontent.com}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OidcProviderSpec(String url, Integer createdDaysAgo) {

    public OidcProviderSpec {
        createdDaysAgo = createdDaysAgo == null ? 365 : createdDaysAgo;
    }
}

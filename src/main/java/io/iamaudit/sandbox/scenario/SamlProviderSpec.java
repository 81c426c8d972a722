package io.iamaudit.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A SAML identity provider; {@code validForDays} is how long its metadata stays valid from now. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SamlProviderSpec(String name, Integer createdDaysAgo, Integer validForDays) {

    public SamlProviderSpec {
        createdDaysAgo = createdDaysAgo == null ? 365 : createdDaysAgo;
        validForDays = validForDays == null ? 3650 : validForDays;
    }
}

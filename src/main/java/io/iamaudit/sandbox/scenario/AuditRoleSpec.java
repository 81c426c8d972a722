package io.iamaudit.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The cross-account role the auditor assumes: implicitly present in every member account (as Organizations creates
 * it), trusting the management account. When {@code externalId} is set, AssumeRole must present it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditRoleSpec(String name, String externalId) {

    public static final String DEFAULT_NAME = "OrganizationAccountAccessRole";

    public AuditRoleSpec {
        name = name == null ? DEFAULT_NAME : name;
    }
}

package io.iamaudit.stage;

import java.util.List;

/** The last-accessed report of one user or role, or why it could not be generated. */
public record PrincipalLastAccessed(String principalArn, List<ServiceLastAccessed> services, String error) {
    public PrincipalLastAccessed {
        services = services == null ? List.of() : List.copyOf(services);
    }
}

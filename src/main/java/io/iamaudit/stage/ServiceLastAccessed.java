package io.iamaudit.stage;

import java.time.Instant;
import java.util.List;

/**
 * One service from GetServiceLastAccessedDetails (ACTION_LEVEL) for one principal.
 *
 * @param lastAuthenticated {@code null} when the principal never used the service within AWS's tracking window
 * @param trackedActions    actions AWS tracks for this service, each with its last access ({@code null} time when
 *                          unused); empty when AWS does not track actions for the service
 */
public record ServiceLastAccessed(String serviceNamespace, String serviceName, Instant lastAuthenticated,
                                  String lastAuthenticatedRegion, List<ActionLastAccessed> trackedActions) {
    public ServiceLastAccessed {
        trackedActions = trackedActions == null ? List.of() : List.copyOf(trackedActions);
    }

    public record ActionLastAccessed(String actionName, Instant lastAccessedTime, String lastAccessedRegion) {
    }
}

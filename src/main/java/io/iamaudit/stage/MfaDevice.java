package io.iamaudit.stage;

/**
 * A virtual MFA device from ListVirtualMFADevices (assignment status Any).
 * A root account whose MFA is a virtual device has no hardware MFA.
 *
 * @param userArn the user the device is assigned to, {@code null} when unassigned
 */
public record MfaDevice(String serialNumber, String userArn) {
    public boolean assignedToRoot() {
        return userArn != null && userArn.endsWith(":root");
    }
}

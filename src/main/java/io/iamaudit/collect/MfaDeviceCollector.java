package io.iamaudit.collect;

import io.iamaudit.stage.MfaDevice;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;

import java.util.List;

/** Virtual MFA devices, assigned or not: a root user with a virtual device has no hardware MFA. */
public final class MfaDeviceCollector {

    private final IamClient iam;

    public MfaDeviceCollector(IamClient iam) {
        this.iam = iam;
    }

    public List<MfaDevice> collect() {
        return iam.listVirtualMFADevicesPaginator(r -> r.assignmentStatus(AssignmentStatusType.ANY))
                .virtualMFADevices().stream()
                .map(d -> new MfaDevice(d.serialNumber(), d.user() == null ? null : d.user().arn()))
                .toList();
    }
}

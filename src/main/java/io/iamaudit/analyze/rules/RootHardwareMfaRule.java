package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.MfaDevice;
import io.iamaudit.stage.Severity;

import java.util.List;

import static io.iamaudit.analyze.DataSet.ACCOUNT_SUMMARY;
import static io.iamaudit.analyze.DataSet.VIRTUAL_MFA_DEVICES;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * Root MFA should be a hardware device. ListVirtualMFADevices lists a root virtual device with the root ARN as its
 * user, so "MFA on and no virtual device for root" means hardware.
 */
public final class RootHardwareMfaRule extends BaseRule {
    public RootHardwareMfaRule() {
        super(rule("IAM.ROOT.HARDWARE_MFA", "Root user MFA is a hardware device", Severity.HIGH)
                .wellArchitected("SEC02-BP01")
                .cis("v3.0", "1.6").cis("v5.0", "1.5").cis("v6.0", "2.5").securityHub("IAM.6")
                .rationale("A virtual MFA lives on a phone that is used, backed up and lost like any other; a "
                        + "hardware key for the most powerful identity is the benchmark's level 2 expectation.")
                .remediation("Replace the root user's virtual MFA device by a hardware MFA device or FIDO key.")
                .needs(ACCOUNT_SUMMARY, VIRTUAL_MFA_DEVICES).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        if (RootCredentials.memberWithoutCredentials(s, ctx)) {
            return List.of(); // centralized root access: this root has no password or key for MFA to protect
        }
        if (!s.summary().value().rootMfaEnabled()) {
            return List.of(Evidence.root(s, "root has no MFA device at all (AccountMFAEnabled = 0)"));
        }
        return s.virtualMfaDevices().value().stream().filter(MfaDevice::assignedToRoot)
                .map(d -> Evidence.root(s, "root MFA is the virtual device " + d.serialNumber()))
                .limit(1).toList();
    }
}

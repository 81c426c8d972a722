package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.MfaDevice;
import io.iamaudit.stage.Severity;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.iamaudit.analyze.DataSet.CREDENTIAL_REPORT;
import static io.iamaudit.analyze.DataSet.VIRTUAL_MFA_DEVICES;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** Console users' MFA is a hardware or FIDO device rather than a virtual one (Prowler's iam_user_hardware_mfa_enabled). */
public final class UserHardwareMfaRule extends BaseRule {
    public UserHardwareMfaRule() {
        super(rule("IAM.USER.HARDWARE_MFA", "Console users use hardware or FIDO MFA", Severity.LOW)
                .wellArchitected("SEC02-BP01")
                .rationale("Virtual MFA codes can be phished in real time; FIDO keys are bound to the sign-in "
                        + "origin.")
                .remediation("Register a FIDO security key for the user and remove the virtual device.")
                .needs(CREDENTIAL_REPORT, VIRTUAL_MFA_DEVICES).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        Set<String> virtual = s.virtualMfaDevices().value().stream().map(MfaDevice::userArn)
                .filter(a -> a != null && !a.endsWith(":root")).collect(Collectors.toSet());
        return Evidence.users(s).filter(r -> Evidence.console(r) && r.mfaActive() && virtual.contains(r.arn()))
                .map(r -> Evidence.user(r, "MFA is a virtual device")).toList();
    }
}

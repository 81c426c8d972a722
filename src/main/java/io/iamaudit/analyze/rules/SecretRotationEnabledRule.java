package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Severity;

import java.util.List;
import java.util.Optional;

import static io.iamaudit.analyze.DataSet.SECRETS;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** Every Secrets Manager secret has automatic rotation enabled (Security Hub SecretsManager.1; CIS has no control). */
public final class SecretRotationEnabledRule extends BaseRule {
    public SecretRotationEnabledRule() {
        super(rule("IAM.SECRET.ROTATION_ENABLED", "Secrets rotate automatically", Severity.MEDIUM)
                .wellArchitected("SEC02-BP03")
                .securityHub("SecretsManager.1")
                .rationale("A secret that is never rotated stays valid for as long as anyone who ever read it keeps "
                        + "a copy.")
                .remediation("Turn on automatic rotation (RotateSecret with a rotation function or a managed "
                        + "rotation), or delete the secret if it is no longer needed.")
                .needs(SECRETS).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return SecretChecks.each(s, secret -> secret.rotates() ? Optional.empty()
                : Optional.of(SecretChecks.violation(secret, "automatic rotation is off")));
    }
}

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

/**
 * In an account tagged as holding regulated data ({@code regulatedDataTag}), every secret is encrypted with a
 * customer managed KMS key. ListSecrets leaves KmsKeyId out for the AWS managed key aws/secretsmanager; that or the
 * alias named explicitly is AWS managed. No Security Hub or CIS control exists for it.
 */
public final class SecretRegulatedKeyRule extends BaseRule {
    public SecretRegulatedKeyRule() {
        super(rule("IAM.SECRET.REGULATED_CMK", "Regulated accounts' secrets use customer managed keys", Severity.MEDIUM)
                .wellArchitected("SEC02-BP03")
                .rationale("With the AWS managed key anyone allowed to read the secret can decrypt it; a customer "
                        + "managed key adds a key policy you control and audit, which regulated data calls for.")
                .remediation("Create a customer managed KMS key and re-encrypt the secret with it (UpdateSecret "
                        + "KmsKeyId); grant decrypt only to the secret's readers.")
                .needs(SECRETS).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        if (!ctx.thresholds().regulated(s.account().tags())) {
            return List.of();
        }
        return SecretChecks.each(s, secret -> secret.awsManagedKey()
                ? Optional.of(SecretChecks.violation(secret, "encrypted with the AWS managed key aws/secretsmanager"
                + " in an account tagged " + ctx.thresholds().regulatedDataTag()))
                : Optional.empty());
    }
}

package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.CredentialReportRow;
import io.iamaudit.stage.PrincipalLastAccessed;
import io.iamaudit.stage.ServiceLastAccessed;
import io.iamaudit.stage.Severity;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.iamaudit.analyze.DataSet.CREDENTIAL_REPORT;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * IAM users with active access keys: long-lived credentials where temporary ones would do. The evidence says
 * whether the user reaches services beyond IAM and STS (then a workload depends on the key and needs a role), read
 * from last-accessed when it was collected.
 */
public final class UserAccessKeysRule extends BaseRule {
    private static final Set<String> IDENTITY_SERVICES = Set.of("iam", "sts");

    public UserAccessKeysRule() {
        super(rule("IAM.USER.ACCESS_KEYS", "IAM users without long-lived access keys", Severity.LOW)
                .wellArchitected("SEC02-BP02")
                .rationale("Access keys do not expire; workloads should use roles, people federated sessions.")
                .remediation("Replace the key by a role (instance profile, IRSA, Roles Anywhere, OIDC for CI) and "
                        + "delete it.")
                .needs(CREDENTIAL_REPORT).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return Evidence.users(s).filter(r -> !r.activeKeys().isEmpty())
                .map(r -> Evidence.user(r, r.activeKeys().size() + " active key(s); " + reach(s, r))).toList();
    }

    private static String reach(AccountSnapshot s, CredentialReportRow r) {
        if (s.lastAccessed() == null || s.lastAccessed().missing()) {
            return "service reach unknown (last-accessed not collected)";
        }
        Optional<PrincipalLastAccessed> la = s.lastAccessedFor(r.arn());
        if (la.isEmpty() || la.get().error() != null) {
            return "service reach unknown (no last-accessed report for the user)";
        }
        List<String> beyond = la.get().services().stream().filter(x -> x.lastAuthenticated() != null)
                .map(ServiceLastAccessed::serviceNamespace).filter(ns -> !IDENTITY_SERVICES.contains(ns)).toList();
        return beyond.isEmpty() ? "reaches only IAM/STS (or nothing)"
                : "reaches services beyond IAM/STS: " + String.join(", ", beyond);
    }
}

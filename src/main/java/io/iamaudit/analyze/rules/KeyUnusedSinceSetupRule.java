package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.CredentialReportRow;
import io.iamaudit.stage.Severity;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static io.iamaudit.analyze.DataSet.CREDENTIAL_REPORT;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * No access key created together with its user (the console's "create user" wizard) and never used since: CIS
 * recommends not setting up keys at user creation for console users, and scopes the control to users with a
 * password (a programmatic-only user is created to get a key).
 */
public final class KeyUnusedSinceSetupRule extends BaseRule {
    /** Keys created within this time of the user count as "created at setup" (the wizard does both in one step). */
    static final Duration SETUP_WINDOW = Duration.ofMinutes(10);

    public KeyUnusedSinceSetupRule() {
        super(rule("IAM.USER.KEY_UNUSED_SINCE_SETUP", "No unused access keys created at user setup", Severity.LOW)
                .wellArchitected("SEC02-BP02")
                // v5.0 1.10: Prowler's cis_5.0_aws.json lists this requirement as "1.1" (between 1.9 and 1.11; 1.1 is
                // "Maintain current contact details"), a typo for 1.10
                .cis("v3.0", "1.11").cis("v5.0", "1.10").cis("v6.0", "2.10")
                .rationale("Keys handed out by default with every new user are credentials nobody asked for.")
                .remediation("Delete the unused key; create keys only when a need is shown.")
                .needs(CREDENTIAL_REPORT).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return Evidence.users(s).flatMap(this::violations).toList();
    }

    private Stream<Violation> violations(CredentialReportRow r) {
        if (r.userCreationTime() == null || !Evidence.console(r)) {
            return Stream.empty();
        }
        return r.activeKeys().stream()
                .filter(k -> k.lastUsedDate() == null && k.lastRotated() != null
                        && Duration.between(r.userCreationTime(), k.lastRotated()).abs().compareTo(SETUP_WINDOW) <= 0)
                .map(k -> Evidence.user(r, "access key " + k.slot() + " created " + Evidence.date(k.lastRotated())
                        + " with the user and never used").withSubject("access_key_" + k.slot()));
    }
}

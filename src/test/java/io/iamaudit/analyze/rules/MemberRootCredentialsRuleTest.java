package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.RuleResult;
import io.iamaudit.analyze.SnapshotFixtures;
import io.iamaudit.stage.CredentialReport;
import io.iamaudit.stage.CredentialReportRow;
import io.iamaudit.stage.CredentialReportRow.AccessKeySlot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class MemberRootCredentialsRuleTest {
    static final AnalysisContext AS_MEMBER = context().withManagementAccountId("999999999999");
    static final AnalysisContext AS_MANAGEMENT = context().withManagementAccountId(ACCOUNT);

    /** A member root after centralized root access removed its credentials. */
    static SnapshotFixtures withoutRootCredentials() {
        return clean().withSummary("AccountMFAEnabled", 0).withSummary("AccountAccessKeysPresent", 0)
                .withRootRow(new CredentialReportRow(CredentialReport.ROOT_USER, "arn:aws:iam::" + ACCOUNT + ":root",
                        daysAgo(3000), null, null, null, null, false,
                        List.of(new AccessKeySlot(1, false, null, null, null, null),
                                new AccessKeySlot(2, false, null, null, null, null)), List.of(), Map.of()));
    }

    @Test
    void aMemberRootWithAPasswordInUseAndMfaFails() {
        var f = clean().withRootRow(rootRow(daysAgo(40), null));
        assertThat(violations(new MemberRootCredentialsRule(), f.build(), AS_MEMBER)).singleElement()
                .satisfies(v -> assertThat(v.evidence()).isEqualTo("member account root still has a password "
                        + "(last used " + io.iamaudit.analyze.Evidence.date(daysAgo(40)) + "), an MFA device"));
    }

    @Test
    void aMemberRootWithoutCredentialsOrTheManagementAccountPasses() {
        assertThat(violations(new MemberRootCredentialsRule(), withoutRootCredentials().build(), AS_MEMBER)).isEmpty();
        var withPassword = clean().withRootRow(rootRow(daysAgo(40), null));
        assertThat(violations(new MemberRootCredentialsRule(), withPassword.build(), AS_MANAGEMENT)).isEmpty();
    }

    @Test
    void notEvaluatedWithoutTheManagementAccountOrTheRootRow() {
        var f = clean().withRootRow(rootRow(daysAgo(40), null));
        assertThat(new MemberRootCredentialsRule().evaluate(f.build(), context().withManagementAccountId(null)))
                .isInstanceOf(RuleResult.NotEvaluated.class);
        assertThat(new MemberRootCredentialsRule().evaluate(clean().withRootRow(null).build(), AS_MEMBER))
                .isInstanceOf(RuleResult.NotEvaluated.class);
    }

    @Test
    void rootMfaRulesDoNotFireForAMemberRootWithoutCredentialsButDoForTheManagementAccount() {
        var s = withoutRootCredentials().build();
        assertThat(violations(new RootMfaRule(), s, AS_MEMBER)).isEmpty();
        assertThat(violations(new RootHardwareMfaRule(), s, AS_MEMBER)).isEmpty();
        assertThat(violations(new RootMfaRule(), s, AS_MANAGEMENT)).hasSize(1);
        assertThat(violations(new RootHardwareMfaRule(), s, AS_MANAGEMENT)).hasSize(1);
        // unknown management account: nothing is known to be a member, the rule fires as before
        assertThat(violations(new RootMfaRule(), s, context().withManagementAccountId(null))).hasSize(1);
    }

    @Test
    void aMemberRootWithAPasswordInUseButNoMfaStillFailsRootMfa() {
        var s = clean().withSummary("AccountMFAEnabled", 0).withRootRow(rootRow(daysAgo(10), null)).build();
        assertThat(violations(new RootMfaRule(), s, AS_MEMBER)).hasSize(1);
    }
}

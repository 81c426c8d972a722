package io.iamaudit.job;

import io.iamaudit.IamAuditApplication;
import io.iamaudit.analyze.Thresholds;
import io.iamaudit.analyze.leastprivilege.AuditRoleActions;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.PrincipalLastAccessed;
import io.iamaudit.testsupport.NpmIamData;
import io.iamaudit.sandbox.SandboxProfile;
import io.iamaudit.sandbox.SandboxServer;
import io.iamaudit.sandbox.Scenarios;
import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.Finding;
import io.iamaudit.stage.LeastPrivilegeRecommendation;
import io.iamaudit.stage.Severity;
import io.iamaudit.stage.StagingRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import io.iamaudit.testsupport.SandboxRunProperties;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo organization end to end: every issue planted in jobs/scenarios/demo.yaml (listed in docs/scenario.md) is
 * found, and the clean, well-run account raises nothing above LOW.
 */
@SpringBootTest(classes = IamAuditApplication.class)
class DemoOrganizationTest {

    private static final SandboxServer SANDBOX = SandboxServer.start(Scenarios.demo(), SandboxProfile.instant(), 0);
    private static final String CLEAN_ACCOUNT = "888888888888";
    private static final String SUSPENDED_ACCOUNT = "777777777777";
    private static Path work;
    private static RunResult run;
    private static List<Finding> findings;

    @Autowired
    AuditJobRunner runner;

    @Autowired
    StagingRepository staging;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        work = Files.createTempDirectory("demo-org-test");
        SandboxRunProperties.register(registry, "demo-org-test", work, SANDBOX);
        // charged on AWS, free in the sandbox: on here so every demo proposal is checked against its original
        registry.add("iam-audit.access-analyzer-checks.check-no-new-access", () -> "true");
        // as scripts/demo runs it: the regulated account's tag turns the secrets' key rule on (off by default)
        registry.add("iam-audit.thresholds.regulated-data-tag", () -> "data-classification=regulated");
    }

    @AfterAll
    static void stopSandbox() {
        SANDBOX.close();
    }

    /** The run happens once, in whichever test comes first: it needs the Spring beans, so not in a static hook. */
    private synchronized void audited() {
        if (run == null) {
            run = runner.start("org-audit");
            try (Stream<Finding> all = staging.findings(run.runId())) {
                findings = all.toList();
            }
        }
    }

    @Test
    void theRunCompletesAndRecordsTheSuspendedAccountAsSkipped() {
        audited();
        assertThat(run.exitCode()).isEqualTo(ExitCode.COMPLETE);
        assertThat(staging.coverage(run.runId())).filteredOn(c -> c.accountId().equals(SUSPENDED_ACCOUNT))
                .singleElement().satisfies(c -> {
                    assertThat(c.status()).isEqualTo(AccountCoverage.Status.SKIPPED);
                    assertThat(c.reason()).containsIgnoringCase("suspended");
                });
        assertThat(run.audited()).isEqualTo(7);
    }

    /** Issue 17: behaviour unchanged by refactoring, as a sorted dump of findings and proposals (DemoOutputGolden). */
    @Test
    void findingsAndProposalsMatchTheGoldenFile() throws IOException {
        audited();
        List<LeastPrivilegeRecommendation> recommendations;
        try (Stream<LeastPrivilegeRecommendation> all = staging.recommendations(run.runId())) {
            recommendations = all.toList();
        }
        DemoOutputGolden.assertMatches(DemoOutputGolden.render(findings, recommendations));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(textBlock = """
            111111111111, IAM.ROOT.HARDWARE_MFA,            <root_account>
            111111111111, IAM.ROOT.RECENT_USE,              <root_account>
            111111111111, IAM.PASSWORD.MIN_LENGTH,          111111111111
            111111111111, IAM.PASSWORD.SYMBOL,              111111111111
            111111111111, IAM.PASSWORD.NUMBER,              111111111111
            111111111111, IAM.PASSWORD.MAX_AGE,             111111111111
            111111111111, IAM.PASSWORD.REUSE,               111111111111
            111111111111, IAM.USER.CONSOLE_MFA,             admin-legacy
            111111111111, IAM.FEDERATION.CONSOLE_USERS,     admin-legacy
            111111111111, IAM.USER.ADMIN_NO_MFA,            admin-legacy
            111111111111, IAM.POLICY.FULL_ADMIN,            admin-legacy
            111111111111, IAM.USER.DIRECT_POLICIES,         admin-legacy
            111111111111, IAM.USER.PASSWORD_AND_KEYS,       admin-legacy
            111111111111, IAM.USER.KEY_ROTATION,            admin-legacy
            111111111111, IAM.FEDERATION.CONSOLE_USERS,     billing-viewer
            111111111111, IAM.SUPPORT.ROLE,                 111111111111
            111111111111, IAM.ORG.ROOT_CREDENTIALS_MANAGEMENT, 111111111111
            555555555555, IAM.POLICY.SERVICE_WILDCARD,      AmazonS3FullAccess
            555555555555, IAM.POLICY.SERVICE_WILDCARD,      dev-power
            666666666666, IAM.POLICY.SERVICE_WILDCARD,      hackathon-2023
            555555555555, IAM.POLICY.RISK_CLASSES,          secrets-reader
            555555555555, IAM.POLICY.RISK_CLASSES,          windows-admin
            555555555555, IAM.POLICY.RISK_CLASSES,          AmazonS3FullAccess
            444444444444, IAM.POLICY.INFRASTRUCTURE_MODIFICATION, instance-scheduler
            333333333333, IAM.SUPPORT.ROLE,                 333333333333
            333333333333, IAM.ANALYZER.EXTERNAL_FINDINGS,   arn:aws:s3:::acme-org-logs
            444444444444, IAM.ROOT.MFA,                     <root_account>
            444444444444, IAM.ROOT.ACCESS_KEYS,             <root_account>
            444444444444, IAM.PASSWORD.POLICY,              444444444444
            444444444444, IAM.POLICY.PASS_ROLE_ANY,         deploy-bot
            444444444444, IAM.USER.ACCESS_KEYS,             deploy-bot
            444444444444, IAM.USER.TWO_ACTIVE_KEYS,         deploy-bot
            444444444444, IAM.USER.KEY_ROTATION,            deploy-bot
            444444444444, IAM.ANALYZER.UNUSED_FINDINGS,     deploy-bot
            444444444444, IAM.USER.CONSOLE_MFA,             ops-jane
            444444444444, IAM.USER.PASSWORD_UNUSED,         ops-jane
            444444444444, IAM.USER.DIRECT_POLICIES,         ops-jane
            444444444444, IAM.POLICY.ASSUME_ROLE_ANY,       ops-jane
            444444444444, IAM.USER.INACTIVE,                old-contractor
            444444444444, IAM.USER.PASSWORD_AND_KEYS,       old-contractor
            444444444444, IAM.USER.KEY_ROTATION,            old-contractor
            444444444444, IAM.USER.KEY_UNUSED,              old-contractor
            444444444444, IAM.USER.DIRECT_POLICIES,         old-contractor
            444444444444, IAM.ANALYZER.UNUSED_FINDINGS,     old-contractor
            444444444444, IAM.SUPPORT.ROLE,                 444444444444
            444444444444, IAM.ROLE.TRUST_EXTERNAL_UNCONDITIONED, legacy-admin-role
            444444444444, IAM.POLICY.FULL_ADMIN,            legacy-admin-role
            444444444444, IAM.ROLE.UNUSED,                  legacy-admin-role
            444444444444, IAM.POLICY.SERVICE_WILDCARD,      app-data-access
            444444444444, IAM.ANALYZER.UNUSED_FINDINGS,     app-runtime
            444444444444, IAM.PRINCIPAL.PRIVILEGE_ESCALATION, lambda-deployer
            444444444444, IAM.PRINCIPAL.PRIVILEGE_ESCALATION, notebook-operator
            444444444444, IAM.PRINCIPAL.PRIVILEGE_ESCALATION_CONFINED, batch-launcher
            444444444444, IAM.ROLE.TRUST_SERVICE_CONFUSED_DEPUTY, lambda-deployer
            333333333333, IAM.ROLE.TRUST_SERVICE_CONFUSED_DEPUTY, log-delivery-writer
            444444444444, IAM.ROLE.TRUST_SAML_AUDIENCE,      AWSReservedSSO_Developer_1a2b3c4d5e6f7a8b
            444444444444, IAM.ROLE.TRUST_EXTERNAL_BROAD_ACCESS, legacy-admin-role
            555555555555, IAM.ROLE.TRUST_OIDC_SUBJECT,       gitlab-deployer
            555555555555, IAM.ROLE.TRUST_OIDC_SUBJECT,       github-any-repo
            555555555555, IAM.ROLE.TRUST_EXTERNAL_BROAD_ACCESS, vendor-readonly
            666666666666, IAM.POLICY.MARKETPLACE_SUBSCRIBE_ANY, procurement-bot
            666666666666, IAM.POLICY.UNATTACHED_ADMIN,       break-glass-admin
            666666666666, IAM.SECURITY_AUDIT.ROLE,           666666666666
            444444444444, IAM.ROOT.MEMBER_CREDENTIALS,       <root_account>
            666666666666, IAM.ROOT.MEMBER_CREDENTIALS,       <root_account>
            555555555555, IAM.PRINCIPAL.DATA_EXFILTRATION,   secrets-reader
            555555555555, IAM.PRINCIPAL.CREDENTIALS_EXPOSURE, windows-admin
            555555555555, IAM.PRINCIPAL.RESOURCE_EXPOSURE,   bucket-admin
            555555555555, IAM.POLICY.CRITICAL_SERVICE_FULL_ACCESS, dev-power
            444444444444, IAM.CERT.EXPIRED,                 www-acme-example-com
            444444444444, IAM.ANALYZER.EXTERNAL_FINDINGS,   arn:aws:s3:::acme-prod-public-assets
            444444444444, IAM.ANALYZER.EXTERNAL_FINDINGS,   legacy-admin-role
            555555555555, IAM.ROOT.HARDWARE_MFA,            <root_account>
            555555555555, IAM.PASSWORD.MIN_LENGTH,          555555555555
            555555555555, IAM.POLICY.NOT_ACTION_ALLOW,      dev-power
            555555555555, IAM.POLICY.CLOUDSHELL_FULL_ACCESS, Developers
            555555555555, IAM.USER.PASSWORD_AND_KEYS,       dev-alex
            555555555555, IAM.USER.CONSOLE_MFA,             dev-sam
            555555555555, IAM.USER.KEY_ROTATION,            dev-sam
            555555555555, IAM.USER.KEY_UNUSED,              dev-sam
            555555555555, IAM.ANALYZER.UNUSED_FINDINGS,     dev-sam
            555555555555, IAM.SUPPORT.ROLE,                 555555555555
            555555555555, IAM.ROLE.TRUST_ANY_PRINCIPAL,     cross-account-tooling
            555555555555, IAM.ANALYZER.EXTERNAL_FINDINGS,   cross-account-tooling
            555555555555, IAM.ROLE.UNUSED,                  unused-migration-role
            555555555555, IAM.ANALYZER.UNUSED_FINDINGS,     unused-migration-role
            666666666666, IAM.ROOT.MFA,                     <root_account>
            666666666666, IAM.PASSWORD.POLICY,              666666666666
            666666666666, IAM.USER.KEY_UNUSED_SINCE_SETUP,  hackathon-2023
            666666666666, IAM.USER.KEY_ROTATION,            hackathon-2023
            666666666666, IAM.USER.DIRECT_POLICIES,         hackathon-2023
            666666666666, IAM.ROLE.UNUSED,                  sandbox-experiments
            666666666666, IAM.SUPPORT.ROLE,                 666666666666
            666666666666, IAM.ANALYZER.UNUSED_ACCESS,       666666666666
            444444444444, IAM.SECRET.ROTATION_ENABLED,      prod/orders/db-static (us-east-1)
            444444444444, IAM.SECRET.ROTATION_ON_SCHEDULE,  prod/billing/db (us-east-1)
            444444444444, IAM.SECRET.ROTATED_RECENTLY,      prod/billing/db (us-east-1)
            444444444444, IAM.SECRET.UNUSED,                prod/partner/legacy-key (us-east-1)
            444444444444, IAM.SECRET.POLICY_EXPOSED,        prod/webhooks/token (eu-west-1)
            444444444444, IAM.SECRET.REGULATED_CMK,         prod/orders/cache (us-east-1)
            """)
    void everyPlantedIssueIsFound(String account, String rule, String principal) {
        audited();
        assertThat(findings)
                .as("%s in %s for %s", rule, account, principal)
                .anySatisfy(f -> {
                    assertThat(f.accountId()).isEqualTo(account);
                    assertThat(f.ruleId()).isEqualTo(rule);
                    assertThat(f.status()).isEqualTo(Finding.Status.FAIL);
                    assertThat(List.of(String.valueOf(f.principalName()), String.valueOf(f.principalArn())))
                            .anySatisfy(name -> assertThat(name).endsWith(principal));
                });
    }

    /** Organization-wide: read and judged once, in the account the runner works from, not once per account. */
    @Test
    void centralizedRootAccessIsJudgedOnceForTheOrganization() {
        audited();
        assertThat(findings).filteredOn(f -> f.ruleId().equals("IAM.ORG.ROOT_CREDENTIALS_MANAGEMENT"))
                .singleElement().satisfies(f -> {
                    assertThat(f.accountId()).isEqualTo("111111111111");
                    assertThat(f.severity()).isEqualTo(Severity.HIGH);
                    assertThat(f.evidence()).endsWith("root credentials management is off (enabled features: RootSessions)");
                });
    }

    /** Look-alikes of the per-policy rules: support:* (CIS asks for it) and service-linked roles' own policies. */
    @Test
    void perPolicyRulesLeaveSupportAndServiceLinkedPoliciesAlone() {
        audited();
        assertThat(findings).filteredOn(f -> f.ruleId().startsWith("IAM.POLICY."))
                .noneSatisfy(f -> assertThat(f.principalName()).isIn("AWSSupportAccess", "AWSSSOServiceRolePolicy"));
        assertThat(findings).filteredOn(f -> f.ruleId().equals("IAM.POLICY.INFRASTRUCTURE_MODIFICATION"))
                .isNotEmpty().noneSatisfy(f -> assertThat(f.evidence()).contains("support:"));
    }

    @Test
    void theCleanAccountRaisesNothingAboveLow() {
        audited();
        assertThat(findings).filteredOn(f -> f.accountId().equals(CLEAN_ACCOUNT))
                .allSatisfy(f -> assertThat(f.severity()).isIn(Severity.LOW, Severity.INFORMATIONAL));
        assertThat(staging.coverage(run.runId())).filteredOn(c -> c.accountId().equals(CLEAN_ACCOUNT))
                .singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(AccountCoverage.Status.AUDITED));
    }

    /**
     * Secrets Manager (issue 18): read in each account's enabled regions, the opt-in region acme-prod left disabled
     * named in Coverage, and every secret rule evaluated and passed in the clean account (not merely silent).
     */
    @Test
    void secretsAreReadPerRegionAndTheCleanAccountPassesEverySecretRule() {
        audited();
        assertThat(staging.coverage(run.runId())).filteredOn(c -> c.accountId().equals("444444444444"))
                .singleElement().satisfies(c -> assertThat(c.reason())
                        .contains("secrets not read in me-south-1 not enabled (DISABLED)"));
        try (Stream<io.iamaudit.stage.RuleOutcome> outcomes = staging.outcomes(run.runId())) {
            assertThat(outcomes.filter(o -> o.accountId().equals(CLEAN_ACCOUNT) && o.ruleId().startsWith("IAM.SECRET.")))
                    .hasSize(6).allSatisfy(o -> assertThat(o.outcome())
                            .isEqualTo(io.iamaudit.stage.RuleOutcome.Outcome.PASS));
        }
        assertThat(findings).filteredOn(f -> f.ruleId().startsWith("IAM.SECRET.") && f.status() == Finding.Status.FAIL)
                .extracting(Finding::accountId).containsOnly("444444444444");
    }

    /** Each planted risk has a look-alike beside it that must stay quiet (account, rule, principal). */
    @ParameterizedTest(name = "{1} not raised for {2}")
    @CsvSource(textBlock = """
            444444444444, IAM.PRINCIPAL.PRIVILEGE_ESCALATION,          notebook-viewer
            444444444444, IAM.PRINCIPAL.PRIVILEGE_ESCALATION_CONFINED, notebook-viewer
            444444444444, IAM.PRINCIPAL.PRIVILEGE_ESCALATION,          instance-scheduler
            444444444444, IAM.PRINCIPAL.PRIVILEGE_ESCALATION_CONFINED, instance-scheduler
            444444444444, IAM.PRINCIPAL.PRIVILEGE_ESCALATION,          batch-launcher
            555555555555, IAM.ROLE.TRUST_OIDC_SUBJECT,                github-actions
            555555555555, IAM.ROLE.TRUST_SERVICE_CONFUSED_DEPUTY,     config-recorder
            555555555555, IAM.ROLE.TRUST_EXTERNAL_BROAD_ACCESS,       vendor-audit
            555555555555, IAM.ROLE.TRUST_EXTERNAL_UNCONDITIONED,      vendor-audit
            555555555555, IAM.ROLE.TRUST_EXTERNAL_UNCONDITIONED,      vendor-readonly
            888888888888, IAM.ROLE.TRUST_SAML_AUDIENCE,               AWSReservedSSO_PaymentsEngineer_0c9d8e7f6a5b4c3d
            888888888888, IAM.ROLE.TRUST_SERVICE_CONFUSED_DEPUTY,     payments-api
            666666666666, IAM.USER.KEY_UNUSED_SINCE_SETUP,            sandbox-loader
            666666666666, IAM.POLICY.MARKETPLACE_SUBSCRIBE_ANY,       marketplace-viewer
            666666666666, IAM.POLICY.UNATTACHED_ADMIN,                sandbox-reader
            222222222222, IAM.SECURITY_AUDIT.ROLE,                    222222222222
            888888888888, IAM.ROOT.MFA,                               <root_account>
            888888888888, IAM.ROOT.HARDWARE_MFA,                      <root_account>
            888888888888, IAM.ROOT.MEMBER_CREDENTIALS,                <root_account>
            111111111111, IAM.ROOT.MEMBER_CREDENTIALS,                <root_account>
            555555555555, IAM.PRINCIPAL.DATA_EXFILTRATION,            config-reader
            555555555555, IAM.PRINCIPAL.CREDENTIALS_EXPOSURE,         bastion-admin
            555555555555, IAM.PRINCIPAL.RESOURCE_EXPOSURE,            scratch-admin
            444444444444, IAM.POLICY.CRITICAL_SERVICE_FULL_ACCESS,    app-data-access
            444444444444, IAM.SECRET.ROTATION_ENABLED,                prod/orders/db (us-east-1)
            444444444444, IAM.SECRET.ROTATION_ON_SCHEDULE,            prod/orders/db (us-east-1)
            444444444444, IAM.SECRET.ROTATED_RECENTLY,                prod/orders/db (us-east-1)
            444444444444, IAM.SECRET.ROTATED_RECENTLY,                prod/orders/db-static (us-east-1)
            444444444444, IAM.SECRET.UNUSED,                          prod/orders/db (us-east-1)
            444444444444, IAM.SECRET.POLICY_EXPOSED,                  prod/shared/config-token (eu-west-1)
            444444444444, IAM.SECRET.REGULATED_CMK,                   prod/orders/db (us-east-1)
            """)
    void lookAlikesAreNotReported(String account, String rule, String principal) {
        audited();
        assertThat(findings).as("%s in %s for %s", rule, account, principal)
                .noneSatisfy(f -> {
                    assertThat(f.accountId()).isEqualTo(account);
                    assertThat(f.ruleId()).isEqualTo(rule);
                    assertThat(f.status()).isEqualTo(Finding.Status.FAIL);
                    assertThat(String.valueOf(f.principalName())).isEqualTo(principal);
                });
    }

    @Test
    void notIssuesAreNotReported() {
        audited();
        assertThat(findings).noneSatisfy(f -> assertThat(String.valueOf(f.principalArn()))
                .contains("/aws-service-role/"));
        assertThat(findings).filteredOn(f -> f.ruleId().equals("IAM.ANALYZER.EXTERNAL_FINDINGS"))
                .noneSatisfy(f -> assertThat(String.valueOf(f.principalArn())).contains(":kms:"));
    }

    /**
     * The runner and audit-role policies shipped in scripts/deploy grant what the tool calls: every operation the
     * sandbox saw during the run is listed in required-actions.txt (which DeployPolicyTest ties to the policies),
     * and every listed AWS read that the run did not call has a documented reason.
     */
    @Test
    void theShippedPoliciesCoverExactlyTheOperationsCalled() throws IOException {
        audited();
        java.util.Set<String> seen = SANDBOX.stats().callsSnapshot().keySet().stream()
                .map(k -> k.replace("access-analyzer:", "accessanalyzer:")).collect(java.util.stream.Collectors.toSet());
        java.util.Set<String> required = Files.readAllLines(Path.of("scripts/deploy/required-actions.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t")[0])
                .collect(java.util.stream.Collectors.toSet());
        // the S3 publisher is exercised against moto (publish tests); these reads are granted for documented reasons
        java.util.Map<String, String> grantedButNotCalledHere = java.util.Map.of(
                "organizations:ListAccounts", "fallback when the OU tree cannot be walked",
                "organizations:DescribeAccount", "account-audit of one account outside the tree walk",
                "organizations:DescribeOrganizationalUnit", "OU names when walking from a child",
                "accessanalyzer:GetAnalyzer", "reading one analyzer's status",
                "securityhub:BatchImportFindings", "the optional --security-hub import (off in this run)",
                "organizations:ListTagsForResource", "account tags, read only when a tag filter is set");

        assertThat(seen).as("operations called but not granted").isSubsetOf(required);
        assertThat(required.stream().filter(op -> !op.startsWith("s3:") && !seen.contains(op)))
                .as("granted AWS reads the run never called").isSubsetOf(grantedButNotCalledHere.keySet());
    }

    @Test
    void leastPrivilegeRemovesWhatTheAppRoleNeverUses() {
        audited();
        LeastPrivilegeRecommendation appRuntime;
        try (Stream<LeastPrivilegeRecommendation> all = staging.recommendations(run.runId())) {
            appRuntime = all.filter(r -> r.principalName().equals("app-runtime")).findFirst().orElseThrow();
        }
        assertThat(appRuntime.verdict()).isEqualTo(LeastPrivilegeRecommendation.Verdict.NARROW);
        assertThat(appRuntime.unusedServices()).contains("dynamodb");
        assertThat(appRuntime.usedServices()).contains("s3");
        assertThat(appRuntime.reductionPercent()).isPositive();
        assertThat(appRuntime.proposals()).anySatisfy(p -> {
            assertThat(p.proposedDocument()).doesNotContain("dynamodb");
            assertThat(p.removed()).isNotEmpty();
        });
    }

    /** Issue 13 item 3: IAM Access Analyzer (the sandbox's) checked every proposal of the demo, and every one passed. */
    @Test
    void everyDemoProposalPassesValidatePolicyAndCheckNoNewAccess() {
        audited();
        List<LeastPrivilegeRecommendation> recommendations;
        try (Stream<LeastPrivilegeRecommendation> all = staging.recommendations(run.runId())) {
            recommendations = all.toList();
        }
        int changed = 0;
        int checked = 0;
        int passed = 0;
        for (LeastPrivilegeRecommendation r : recommendations) {
            java.util.Map<String, io.iamaudit.stage.ProposalCheck> checks = new java.util.HashMap<>();
            staging.proposalChecks(run.runId(), r.accountId()).forEach(c -> checks.put(c.proposalKey(), c));
            for (LeastPrivilegeRecommendation.PolicyProposal p : r.proposals()) {
                io.iamaudit.stage.ProposalCheck c = checks.get(io.iamaudit.stage.ProposalCheck.key(
                        r.recommendationId(), p.attachment(), p.policyName()));
                assertThat(c).as("check of %s %s", r.principalArn(), p.policyName()).isNotNull();
                assertThat(c.verified()).as(c.toString()).isTrue();
                if (p.proposedDocument() == null) {
                    continue;
                }
                checked++;
                // Every action of a proposal is IAM's (Service Authorization Reference): ValidatePolicy finds no ERROR.
                List<io.iamaudit.stage.ProposalCheck.PolicyIssue> errors = c.issues().stream()
                        .filter(io.iamaudit.stage.ProposalCheck.PolicyIssue::error).toList();
                assertThat(errors).as("ValidatePolicy of %s %s", r.principalArn(), p.policyName()).isEmpty();
                assertThat(c.validation()).isEqualTo(errors.isEmpty() ? io.iamaudit.stage.ProposalCheck.Outcome.PASS
                        : io.iamaudit.stage.ProposalCheck.Outcome.FAIL);
                assertThat(c.withheld()).isEqualTo(!errors.isEmpty());
                if (errors.isEmpty()) {
                    passed++;
                }
                if (!p.proposedDocument().equals(p.originalDocument())) {
                    changed++;
                    assertThat(c.noNewAccess()).as("CheckNoNewAccess of %s %s: %s", r.principalArn(), p.policyName(),
                            c.noNewAccessMessage()).isEqualTo(io.iamaudit.stage.ProposalCheck.Outcome.PASS);
                }
            }
        }
        assertThat(checked).as("proposals with a document").isGreaterThan(10);
        assertThat(passed).as("proposals ValidatePolicy passed").isEqualTo(checked);
        assertThat(changed).as("narrowed proposals checked against their original").isGreaterThan(3);
        assertThat(run.proposalDefects()).isZero();
        assertThat(staging.coverage(run.runId())).noneSatisfy(c ->
                assertThat(String.valueOf(c.reason())).contains(AccountVerification.NOT_VERIFIED));
        // one ValidatePolicy per distinct proposed document of the run: a check made in one account serves the
        // same documents in every other (the audit role's proposal recurs in each account)
        java.util.Set<String> distinct = new java.util.HashSet<>();
        int withDocument = 0;
        for (LeastPrivilegeRecommendation r : recommendations) {
            for (LeastPrivilegeRecommendation.PolicyProposal p : r.proposals()) {
                if (p.proposedDocument() != null) {
                    withDocument++;
                    distinct.add(io.iamaudit.collect.ProposalVerifier.documentsHash(p.originalDocument(),
                            p.proposedDocument()));
                }
            }
        }
        long validateCalls = staging.coverage(run.runId()).stream()
                .mapToLong(c -> c.awsCalls().getOrDefault("access-analyzer:ValidatePolicy", 0L)).sum();
        assertThat(distinct.size()).as("distinct documents of %s proposals", withDocument).isLessThan(withDocument);
        assertThat(validateCalls).isEqualTo(distinct.size());
    }

    /** Issue 13 item 4: AWS's recommendation and the comparison for every ACTIVE UnusedPermission finding. */
    @Test
    void awsRecommendationAndComparisonForEveryUnusedPermissionFinding() throws IOException {
        audited();
        List<String> unusedPermission = new java.util.ArrayList<>();
        try (Stream<io.iamaudit.stage.AccountSnapshot> snapshots = staging.snapshots(run.runId())) {
            snapshots.forEach(s -> s.accessAnalyzer().get().ifPresent(aa -> aa.findings().stream()
                    .filter(f -> f.findingType().equals("UnusedPermission") && f.status().equals("ACTIVE"))
                    .forEach(f -> unusedPermission.add(f.resourceOwnerAccount() + " " + f.resource()))));
        }
        assertThat(unusedPermission).as("the demo's planted findings").hasSize(2);
        List<String> recommended = new java.util.ArrayList<>();
        for (AccountCoverage c : staging.coverage(run.runId())) {
            for (io.iamaudit.stage.AwsRecommendation a : staging.awsRecommendations(run.runId(), c.accountId())) {
                assertThat(a.status()).as(a.toString()).isEqualTo("SUCCEEDED");
                assertThat(a.steps()).as(a.toString()).isNotEmpty();
                assertThat(a.comparison()).as(a.toString()).isIn("AGREES", "OURS_NARROWER", "AWS_NARROWER", "DIFFERENT");
                recommended.add(a.accountId() + " " + a.resourceArn());
            }
        }
        assertThat(recommended).containsExactlyInAnyOrderElementsOf(unusedPermission);

        Path csv;
        try (Stream<Path> files = Files.walk(work.resolve("out"))) {
            csv = files.filter(f -> f.getFileName().toString().equals("least-privilege.csv")).findFirst().orElseThrow();
        }
        String text = Files.readString(csv);
        assertThat(text.lines().findFirst().orElseThrow()).endsWith(
                "Access Analyzer checks of the proposals,AWS's recommended policy,Ours vs AWS's,Differing actions and why");
        // cells hold line breaks, so the row is not one line: look for its cells in the file
        assertThat(text).contains("CREATE_POLICY arn:aws:iam::444444444444:policy/app-data-access: {")
                .contains("app-data-access: ValidatePolicy PASS")
                .containsAnyOf(",AGREES,", ",OURS_NARROWER,", ",AWS_NARROWER,", ",DIFFERENT,");
    }

    @Test
    void everyDemoProposalNamesRealActionsAndRespectsTheEvidenceRails() {
        audited();
        NpmIamData reference = NpmIamData.require();
        AuditRoleActions auditRole = AuditRoleActions.of("OrganizationAccountAccessRole");
        List<LeastPrivilegeRecommendation> recs;
        try (Stream<LeastPrivilegeRecommendation> all = staging.recommendations(run.runId())) {
            recs = all.toList();
        }
        assertThat(recs).filteredOn(r -> auditRole.isAuditRole(r.principalType(), r.principalName())).isNotEmpty();
        for (LeastPrivilegeRecommendation r : recs) {
            AccountSnapshot snapshot = staging.snapshot(run.runId(), r.accountId()).orElseThrow();
            Instant windowStart = snapshot.collectedAt().minus(Duration.ofDays(
                    Thresholds.defaults().leastPrivilegeWindowDays())).truncatedTo(ChronoUnit.DAYS);
            PrincipalLastAccessed usage = snapshot.lastAccessedFor(r.principalArn()).orElse(null);
            for (LeastPrivilegeRecommendation.PolicyProposal p : r.proposals()) {
                if (p.proposedDocument() != null) {
                    assertThat(reference.problems(p.proposedDocument(), reference.unknownLiterals(p.originalDocument())))
                            .as("%s %s: actions AWS's reference lacks", r.principalArn(), p.policyName()).isEmpty();
                }
                for (var removed : p.removed()) {
                    assertThat(removableBy(usage, removed.permission(), windowStart))
                            .as("%s removes %s of a service used in the window", r.principalArn(),
                                    removed.permission()).isTrue();
                }
                if (auditRole.isAuditRole(r.principalType(), r.principalName())) {
                    PolicyDocument original = PolicyDocument.parse(p.originalDocument());
                    PolicyDocument proposed = p.proposedDocument() == null ? null
                            : PolicyDocument.parse(p.proposedDocument());
                    for (String action : auditRole.actions()) {
                        if (original.allows().stream().anyMatch(st -> st.coversAction(action))) {
                            assertThat(proposed != null && proposed.allows().stream()
                                    .anyMatch(st -> st.coversAction(action))).as("%s keeps %s", r.principalArn(),
                                    action).isTrue();
                        }
                    }
                }
            }
        }
    }

    /** A literal action of a service used in the window may go only when action-level data shows it unused. */
    private static boolean removableBy(PrincipalLastAccessed usage, String permission, Instant windowStart) {
        int colon = permission.indexOf(':');
        if (usage == null || colon < 0 || permission.contains(" ")) {
            return true; // whole statements and unreported services: judged by the unit tests
        }
        String ns = permission.substring(0, colon);
        var service = usage.services().stream().filter(s -> s.serviceNamespace().equalsIgnoreCase(ns)).findFirst();
        if (service.isEmpty() || service.get().lastAuthenticated() == null
                || service.get().lastAuthenticated().isBefore(windowStart)) {
            return true;
        }
        if (permission.contains("*")) {
            return !service.get().trackedActions().isEmpty();
        }
        String name = permission.substring(colon + 1);
        return service.get().trackedActions().stream().anyMatch(a -> a.actionName().replaceFirst("^[^:]*:", "").equalsIgnoreCase(name)
                && (a.lastAccessedTime() == null || a.lastAccessedTime().isBefore(windowStart)));
    }

    @Autowired
    io.iamaudit.analyze.run.AccountAnalyzer accountAnalyzer;

    @Autowired
    io.iamaudit.analyze.AnalysisContext analysisTemplate;

    /**
     * The run read the organization analyzers' findings with one listing each (issue 16); a listing per account, the
     * design before it, stages the same Access Analyzer data for every account, and analysing that gives the same
     * findings and least-privilege proposals as the run staged.
     */
    @Test
    void theOrganizationWideListingStagesWhatAListingPerAccountWould() {
        audited();
        io.iamaudit.sandbox.SandboxCredentials c = SANDBOX.managementCredentials();
        io.iamaudit.collect.AssumeRoleSettings role = new io.iamaudit.collect.AssumeRoleSettings(null, null, "auditor",
                "compare");
        String management = "111111111111";
        var context = new io.iamaudit.analyze.AnalysisContext(run.runId(), analysisTemplate.clock(),
                analysisTemplate.thresholds(), analysisTemplate.exceptions(), staging.accounts(run.runId()).stream()
                .map(io.iamaudit.stage.AccountRef::accountId).collect(java.util.stream.Collectors.toSet()))
                .withManagementAccountId(management);
        try (var factory = new io.iamaudit.collect.AwsClientFactory(new io.iamaudit.collect.AwsSettings(
                     software.amazon.awssdk.regions.Region.US_EAST_1, SANDBOX.endpoint(),
                     software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                             software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(c.accessKeyId(),
                                     c.secretAccessKey())),
                     3, software.amazon.awssdk.core.retry.RetryMode.STANDARD, java.time.Duration.ofMillis(5)));
             var managementSession = io.iamaudit.collect.AccountSession.direct(factory, management);
             var org = new io.iamaudit.collect.OrgAnalyzerLocator().locate(managementSession,
                     id -> io.iamaudit.collect.AccountSession.open(factory.forSharedQuota(), id, management, role))) {
            List<AccountCoverage> audited = staging.coverage(run.runId()).stream()
                    .filter(cv -> cv.status() == AccountCoverage.Status.AUDITED).toList();
            assertThat(audited).hasSize(7);
            for (AccountCoverage account : audited) {
                String id = account.accountId();
                io.iamaudit.stage.AccountSnapshot staged = staging.snapshot(run.runId(), id).orElseThrow();
                io.iamaudit.stage.AccessAnalyzerState perAccount;
                try (var session = io.iamaudit.collect.AccountSession.open(factory, id, management, role)) {
                    perAccount = new io.iamaudit.collect.AccessAnalyzerCollector(org, session, id,
                            staged.authorization().get().orElse(null)).collect();
                }
                assertThat(staged.accessAnalyzer().missing()).as(id).isFalse();
                assertThat(staged.accessAnalyzer().value()).as(id).usingRecursiveComparison().isEqualTo(perAccount);

                var analysis = accountAnalyzer.analyze(staged.withAccessAnalyzer(
                        io.iamaudit.stage.Collected.of(perAccount)), context);
                assertThat(analysis.findings()).as(id).extracting(f -> f.findingId() + " " + f.status())
                        .containsExactlyInAnyOrderElementsOf(findings.stream()
                                .filter(f -> f.accountId().equals(id)).map(f -> f.findingId() + " " + f.status())
                                .toList());
                // the verify step adds AWS's checks to the staged proposals: compare what analysis decides
                assertThat(analysis.recommendations()).as(id)
                        .extracting(r -> r.recommendationId() + " " + r.verdict() + " " + r.unusedActions())
                        .containsExactlyInAnyOrderElementsOf(staging.recommendations(run.runId(), id).stream()
                                .map(r -> r.recommendationId() + " " + r.verdict() + " " + r.unusedActions()).toList());
            }
        }
        assertThat(findings).filteredOn(f -> f.ruleId().startsWith("IAM.ANALYZER.")).isNotEmpty();
    }
}

package io.iamaudit.report;

import io.iamaudit.stage.AccessAnalyzerState;
import io.iamaudit.stage.AccessAnalyzerState.Analyzer;
import io.iamaudit.stage.AccessAnalyzerState.AnalyzerFinding;
import io.iamaudit.stage.AccessAnalyzerState.UnusedAction;
import io.iamaudit.stage.AccessAnalyzerState.UnusedPermission;
import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AccountRef;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.AccountSummary;
import io.iamaudit.stage.AuditRun;
import io.iamaudit.stage.AuthorizationDetails;
import io.iamaudit.stage.Collected;
import io.iamaudit.stage.CredentialReport;
import io.iamaudit.stage.CredentialReportRow;
import io.iamaudit.stage.CredentialReportRow.AccessKeySlot;
import io.iamaudit.stage.Finding;
import io.iamaudit.stage.IamRole;
import io.iamaudit.stage.IamUser;
import io.iamaudit.stage.LeastPrivilegeRecommendation;
import io.iamaudit.stage.LeastPrivilegeRecommendation.PolicyProposal;
import io.iamaudit.stage.LeastPrivilegeRecommendation.RemovedPermission;
import io.iamaudit.stage.PolicyRefs.AttachedPolicy;
import io.iamaudit.stage.PolicyRefs.InlinePolicy;
import io.iamaudit.stage.RuleOutcome;
import io.iamaudit.stage.Severity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A realistic staged run: an organization of four accounts (two audited, one skipped, one failed) with credential
 * reports, users and roles, Access Analyzer findings, rule findings, outcomes and least-privilege recommendations.
 * Some names and tags carry spreadsheet formulas and an access key id, to prove the writers neutralise them.
 */
public final class SampleRun {
    public static final String RUN_ID = "20261128T210000Z-7f3a";
    public static final Instant STARTED = Instant.parse("2026-11-28T21:00:00Z");
    public static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    public static final String SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN0123456789";
    public static final String FORMULA_USER = "=HYPERLINK(\"http://x\")";
    public static final Map<String, String> FORMULA_TAGS = Map.of("cost-center", "+1", "owner", "@SUM(A1)",
            "team", "-2", "note", "\tcmd");
    public static final String MGMT = "111111111111";
    public static final String PROD = "222222222222";

    private SampleRun() {
    }

    public static InMemoryStagingRepository repository() {
        InMemoryStagingRepository repo = new InMemoryStagingRepository();
        fill(repo, RUN_ID, STARTED);
        return repo;
    }

    public static void fill(io.iamaudit.stage.StagingRepository repo, String runId, Instant started) {
        repo.saveRun(new AuditRun(runId, "org-audit", started, "o-exampleorg1", MGMT,
                "arn:aws:sts::111111111111:assumed-role/IamAuditRole/iam-audit", Map.of("roleName", "IamAuditRole"),
                AuditRun.Status.ANALYZED));
        List<AccountRef> accounts = List.of(
                new AccountRef(MGMT, "management", "root@example.com", "ACTIVE", "Root", Map.of()),
                new AccountRef(PROD, "prod-payments", "prod@example.com", "ACTIVE", "Root/Workloads/Prod", Map.of()),
                new AccountRef("333333333333", "sandbox", "sb@example.com", "SUSPENDED", "Root/Sandbox", Map.of()),
                new AccountRef("444444444444", "legacy", "legacy@example.com", "ACTIVE", "Root/Legacy", Map.of()));
        repo.saveAccounts(runId, accounts);
        Instant collected = started.plusSeconds(95);
        repo.saveCoverage(new AccountCoverage(runId, MGMT, "management", "Root", AccountCoverage.Status.AUDITED, "",
                collected, Map.of("iam:GetCredentialReport", 2L, "iam:GetAccountAuthorizationDetails", 3L)));
        repo.saveCoverage(new AccountCoverage(runId, PROD, "prod-payments", "Root/Workloads/Prod",
                AccountCoverage.Status.AUDITED, "access-analyzer: AccessDenied", collected.plusSeconds(12),
                Map.of("iam:GetCredentialReport", 1L, "sts:AssumeRole", 1L)));
        repo.saveCoverage(new AccountCoverage(runId, "333333333333", "sandbox", "Root/Sandbox",
                AccountCoverage.Status.SKIPPED, "account SUSPENDED", null, Map.of()));
        repo.saveCoverage(new AccountCoverage(runId, "444444444444", "legacy", "Root/Legacy",
                AccountCoverage.Status.FAILED, "sts:AssumeRole AccessDenied for IamAuditRole", null,
                Map.of("sts:AssumeRole", 4L)));
        repo.saveSnapshot(runId, snapshot(accounts.get(0), collected));
        repo.saveSnapshot(runId, snapshot(accounts.get(1), collected.plusSeconds(12)));
        repo.replaceAnalysis(runId, MGMT, managementFindings(runId, started), outcomes(runId, MGMT),
                List.of(recommendation(runId, MGMT, "deploy-bot")));
        repo.replaceAnalysis(runId, PROD, prodFindings(runId, started), outcomes(runId, PROD),
                List.of(recommendation(runId, PROD, "app-runtime")));
    }

    static AccountSnapshot snapshot(AccountRef account, Instant collectedAt) {
        String id = account.accountId();
        Instant generated = collectedAt.minusSeconds(30);
        CredentialReport report = new CredentialReport(generated, List.of(
                new CredentialReportRow("<root_account>", "arn:aws:iam::" + id + ":root", t("2019-01-10T08:00:00Z"),
                        null, t("2026-11-02T10:00:00Z"), null, null, true, List.of(key(1, false, null, null, null),
                        key(2, false, null, null, null)), null, null,
                        awsWords("password_enabled", "not_supported", "password_last_changed", "not_supported",
                                "password_next_rotation", "not_supported", "access_key_1_last_rotated", "N/A",
                                "access_key_1_last_used_date", "N/A", "access_key_2_last_rotated", "N/A",
                                "access_key_2_last_used_date", "N/A", "cert_1_last_rotated", "N/A")),
                new CredentialReportRow("alice", "arn:aws:iam::" + id + ":user/alice", t("2021-03-02T09:00:00Z"),
                        true, t("2026-11-15T08:30:00Z"), t("2026-06-01T12:00:00Z"), null, false,
                        List.of(key(1, true, t("2022-02-11T12:00:00Z"), t("2026-11-19T02:06:00Z"), "ec2"),
                                key(2, true, t("2026-10-01T00:00:00Z"), null, null)), null, null,
                        awsWords("password_next_rotation", "N/A", "access_key_2_last_used_date", "N/A",
                                "access_key_2_last_used_region", "N/A", "access_key_2_last_used_service", "N/A")),
                new CredentialReportRow(FORMULA_USER, "arn:aws:iam::" + id + ":user/ci/svc-ci",
                        t("2020-07-18T09:03:38Z"), false, null, null, null, false,
                        List.of(key(1, true, t("2020-07-18T09:03:39Z"), t("2026-11-20T01:00:00Z"), "s3"),
                                key(2, false, null, null, null)), null, null)));
        AuthorizationDetails auth = new AuthorizationDetails(
                List.of(new IamUser("alice", "AIDAEXAMPLEALICE0001", "arn:aws:iam::" + id + ":user/alice", "/",
                                t("2021-03-02T09:00:00Z"), List.of("admins"),
                                List.of(new AttachedPolicy("AdministratorAccess",
                                        "arn:aws:iam::aws:policy/AdministratorAccess")), List.of(), null, Map.of()),
                        new IamUser(FORMULA_USER, "AIDAEXAMPLESVCCI0001", "arn:aws:iam::" + id + ":user/ci/svc-ci",
                                "/ci/", t("2020-07-18T09:03:38Z"), List.of(), List.of(),
                                List.of(new InlinePolicy("ci-deploy", "{\"Version\":\"2012-10-17\",\"Statement\":[]}")),
                                null, FORMULA_TAGS)),
                List.of(),
                List.of(new IamRole("app-runtime", "AROAEXAMPLEAPP00001", "arn:aws:iam::" + id + ":role/app-runtime",
                                "/", t("2023-05-05T05:05:05Z"), "{}", List.of(new AttachedPolicy("AmazonS3FullAccess",
                                "arn:aws:iam::aws:policy/AmazonS3FullAccess")), List.of(),
                                "arn:aws:iam::" + id + ":policy/boundary", Map.of("app", "payments"),
                                t("2026-11-27T23:00:00Z"), "eu-west-1"),
                        new IamRole("AWSServiceRoleForSupport", "AROAEXAMPLESUPPORT01",
                                "arn:aws:iam::" + id + ":role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport",
                                "/aws-service-role/support.amazonaws.com/", t("2019-01-10T08:05:00Z"), "{}",
                                List.of(), List.of(), null, Map.of(), null, null)),
                List.of());
        AccessAnalyzerState analyzer = new AccessAnalyzerState(
                List.of(new Analyzer("arn:aws:access-analyzer:us-east-1:" + MGMT + ":analyzer/org", "org",
                        "ORGANIZATION_UNUSED_ACCESS", "ACTIVE", MGMT)),
                List.of(new AnalyzerFinding("f-key-" + id, "arn:aws:access-analyzer:us-east-1:" + MGMT + ":analyzer/org",
                                "UnusedIAMUserAccessKey", "arn:aws:iam::" + id + ":user/alice", "AWS::IAM::User", id,
                                "ACTIVE", t("2026-10-01T00:00:00Z"), t("2026-11-01T00:00:00Z"), null, null, null,
                                null, KEY_ID, t("2026-07-01T00:00:00Z")),
                        new AnalyzerFinding("f-perm-" + id, "arn:aws:access-analyzer:us-east-1:" + MGMT + ":analyzer/org",
                                "UnusedPermission", "arn:aws:iam::" + id + ":role/app-runtime", "AWS::IAM::Role", id,
                                "ACTIVE", t("2026-10-02T00:00:00Z"), t("2026-11-02T00:00:00Z"), null, null, null,
                                List.of(new UnusedPermission("s3", t("2026-01-01T00:00:00Z"),
                                        List.of(new UnusedAction("s3:DeleteBucket", null))),
                                        new UnusedPermission("sqs", null, List.of())), null, null)));
        return new AccountSnapshot(account, collectedAt, Collected.of(report), Collected.of(auth),
                Collected.of(Optional.empty()), Collected.of(new AccountSummary(Map.of("AccountMFAEnabled", 1))),
                Collected.of(List.of()), Collected.of(List.of()), Collected.of(List.of()), Collected.of(List.of()),
                Collected.of(analyzer));
    }

    static List<Finding> managementFindings(String runId, Instant started) {
        return List.of(
                finding(runId, MGMT, "management", "Root", "User", "alice", "arn:aws:iam::" + MGMT + ":user/alice",
                        "IAM_USER_MFA", Severity.HIGH, Finding.Status.FAIL, List.of("SEC02-BP01"),
                        "Console password without MFA; access key " + KEY_ID + " active", started),
                finding(runId, MGMT, "management", "Root", "User", FORMULA_USER,
                        "arn:aws:iam::" + MGMT + ":user/ci/svc-ci", "IAM_ACCESS_KEY_ROTATION", Severity.MEDIUM,
                        Finding.Status.FAIL, List.of("SEC02-BP02", "SEC02-BP05"),
                        "-2 days over; aws_session_token=" + SESSION_TOKEN, started),
                finding(runId, MGMT, "management", "Root", "Account", MGMT, "arn:aws:iam::" + MGMT + ":root",
                        "ROOT_HARDWARE_MFA", Severity.CRITICAL, Finding.Status.FAIL, List.of("SEC02-BP01"),
                        "Root MFA is a virtual device", started),
                new Finding("fd-exc-1", runId, MGMT, "management", "Root", "Role", "break-glass",
                        "arn:aws:iam::" + MGMT + ":role/break-glass", "IAM_ADMIN_ROLE", "Role has administrator access",
                        Severity.LOW, Finding.Status.EXCEPTED, List.of("SEC02-BP06"), "v3.0 1.16", "IAM.1",
                        "AdministratorAccess attached", "Keep for emergencies", t("2026-01-05T10:00:00Z"),
                        "secops@example.com", LocalDate.parse("2027-03-31"), "Approved break-glass role"));
    }

    static List<Finding> prodFindings(String runId, Instant started) {
        return List.of(
                finding(runId, PROD, "prod-payments", "Root/Workloads/Prod", "Role", "app-runtime",
                        "arn:aws:iam::" + PROD + ":role/app-runtime", "IAM_UNUSED_PERMISSIONS", Severity.MEDIUM,
                        Finding.Status.FAIL, List.of("SEC02-BP06"), "s3:DeleteBucket unused for 330 days", started),
                finding(runId, PROD, "prod-payments", "Root/Workloads/Prod", "Account", PROD,
                        "arn:aws:iam::" + PROD + ":root", "ACCESS_ANALYZER_ENABLED", Severity.INFORMATIONAL,
                        Finding.Status.NOT_EVALUATED, List.of(), "access-analyzer: AccessDenied", started));
    }

    static Finding finding(String runId, String account, String accountName, String ou, String type, String name,
                           String arn, String rule, Severity severity, Finding.Status status, List<String> wa,
                           String evidence, Instant firstSeen) {
        return new Finding(account + ":" + rule + ":" + name.hashCode(), runId, account, accountName, ou, type, name,
                arn, rule, rule.replace('_', ' ').toLowerCase(), severity, status, wa, "v5.0 1.4", "IAM.9", evidence,
                "Fix " + rule, firstSeen, null, null, null);
    }

    static List<RuleOutcome> outcomes(String runId, String account) {
        return List.of(new RuleOutcome(runId, account, "IAM_USER_MFA", RuleOutcome.Outcome.FAIL, 1, null),
                new RuleOutcome(runId, account, "PASSWORD_POLICY", RuleOutcome.Outcome.PASS, 0, null),
                new RuleOutcome(runId, account, "ACCESS_ANALYZER_ENABLED", RuleOutcome.Outcome.NOT_EVALUATED, 0,
                        "access-analyzer: AccessDenied"));
    }

    static LeastPrivilegeRecommendation recommendation(String runId, String account, String role) {
        String arn = "arn:aws:iam::" + account + ":role/" + role;
        return new LeastPrivilegeRecommendation(account + ":" + arn, runId, account, "Role", role, arn,
                LeastPrivilegeRecommendation.Verdict.NARROW, "Uses 2 of 5 granted services",
                List.of("s3", "sqs", "ec2", "iam", "kms"), List.of("s3", "sqs"), List.of("ec2", "iam", "kms"), 120, 8,
                List.of("s3:DeleteBucket", "iam:CreateUser"), t("2026-11-27T23:00:00Z"), 93.3,
                List.of(new PolicyProposal("AmazonS3FullAccess", "arn:aws:iam::aws:policy/AmazonS3FullAccess",
                        "MANAGED", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                        + "\"Resource\":\"*\"}]}", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],\"Resource\":\"*\"}]}",
                        List.of(new RemovedPermission("s3:DeleteBucket", "not used in 400 days (Access Advisor)")),
                        List.of(), true)),
                List.of("grace period 30 days for new permissions"));
    }

    /** {@code n} generated findings across 50 accounts and all severities, for overflow and throughput. */
    public static Stream<Finding> manyFindings(String runId, int n) {
        Severity[] severities = Severity.values();
        return IntStream.range(0, n).mapToObj(i -> {
            String account = String.format("%012d", 100000000000L + i % 50);
            return new Finding("fd-" + i, runId, account, "account-" + i % 50, "Root/Workloads", "User", "user-" + i,
                    "arn:aws:iam::" + account + ":user/user-" + i, "IAM_USER_MFA", "User without MFA",
                    severities[i % severities.length], Finding.Status.FAIL, List.of("SEC02-BP01"), "v5.0 1.10",
                    "IAM.19", "Console password without MFA", "Enable MFA", STARTED.minusSeconds(i), null, null,
                    null);
        });
    }

    /** AWS's words of a row, as the parser keeps them: column, word, column, word... */
    private static Map<String, String> awsWords(String... columnsAndWords) {
        Map<String, String> words = new java.util.LinkedHashMap<>();
        for (int i = 0; i < columnsAndWords.length; i += 2) {
            words.put(columnsAndWords[i], columnsAndWords[i + 1]);
        }
        return words;
    }

    private static AccessKeySlot key(int slot, boolean active, Instant rotated, Instant used, String service) {
        return new AccessKeySlot(slot, active, rotated, used, used == null ? null : "us-east-1", service);
    }

    private static Instant t(String iso) {
        return Instant.parse(iso);
    }
}

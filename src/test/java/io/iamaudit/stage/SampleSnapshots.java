package io.iamaudit.stage;

import io.iamaudit.stage.AccessAnalyzerState.Analyzer;
import io.iamaudit.stage.AccessAnalyzerState.AnalyzerFinding;
import io.iamaudit.stage.AccessAnalyzerState.UnusedAction;
import io.iamaudit.stage.AccessAnalyzerState.UnusedPermission;
import io.iamaudit.stage.CredentialReportRow.AccessKeySlot;
import io.iamaudit.stage.CredentialReportRow.CertificateSlot;
import io.iamaudit.stage.PolicyRefs.AttachedPolicy;
import io.iamaudit.stage.PolicyRefs.InlinePolicy;
import io.iamaudit.stage.ServiceLastAccessed.ActionLastAccessed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fully populated staged records, every field set, for round-trip tests. */
final class SampleSnapshots {

    static final Instant T0 = Instant.parse("2025-01-20T10:00:00Z");
    static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
            + "\"Resource\":\"*\"}]}";

    private SampleSnapshots() {
    }

    static AccountRef account(String id) {
        return new AccountRef(id, "acct-" + id, id + "@example.com", "ACTIVE", "Root/Workloads/Prod",
                Map.of("env", "prod"));
    }

    static AccountSnapshot snapshot(String accountId) {
        CredentialReportRow root = new CredentialReportRow(CredentialReport.ROOT_USER,
                "arn:aws:iam::" + accountId + ":root", T0.minusSeconds(86400), null, T0, null, null, true,
                List.of(new AccessKeySlot(1, false, null, null, null, null),
                        new AccessKeySlot(2, false, null, null, null, null)),
                List.of(new CertificateSlot(1, false, null), new CertificateSlot(2, false, null)), Map.of(),
                Map.of("password_enabled", "not_supported", "access_key_1_last_rotated", "N/A"));
        CredentialReportRow alice = new CredentialReportRow("alice", "arn:aws:iam::" + accountId + ":user/alice",
                T0.minusSeconds(5000), true, T0.minusSeconds(100), T0.minusSeconds(200), T0.plusSeconds(300), false,
                List.of(new AccessKeySlot(1, true, T0.minusSeconds(4000), T0.minusSeconds(60), "us-east-1", "ec2"),
                        new AccessKeySlot(2, false, null, null, null, null)),
                List.of(new CertificateSlot(1, true, T0.minusSeconds(7)), new CertificateSlot(2, false, null)),
                Map.of("future_column", "x"));
        IamUser user = new IamUser("alice", "AIDAEXAMPLE", "arn:aws:iam::" + accountId + ":user/alice", "/",
                T0.minusSeconds(5000), List.of("Admins"),
                List.of(new AttachedPolicy("ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess")),
                List.of(new InlinePolicy("inline", POLICY)), "arn:aws:iam::" + accountId + ":policy/boundary",
                Map.of("team", "sec"));
        IamGroup group = new IamGroup("Admins", "AGPAEXAMPLE", "arn:aws:iam::" + accountId + ":group/Admins", "/",
                T0.minusSeconds(9000), List.of(new AttachedPolicy("AdministratorAccess",
                "arn:aws:iam::aws:policy/AdministratorAccess")), List.of());
        IamRole role = new IamRole("deployer", "AROAEXAMPLE", "arn:aws:iam::" + accountId + ":role/deployer", "/ci/",
                T0.minusSeconds(7000), POLICY, List.of(), List.of(new InlinePolicy("deploy", POLICY)), null,
                Map.of("owner", "ci"), T0.minusSeconds(30), "eu-west-1");
        ManagedPolicy policy = new ManagedPolicy("ci-deploy", "ANPAEXAMPLE",
                "arn:aws:iam::" + accountId + ":policy/ci-deploy", "/", "v2", 1, T0.minusSeconds(8000),
                T0.minusSeconds(10), POLICY, T0.minusSeconds(10));
        PrincipalLastAccessed used = new PrincipalLastAccessed(role.arn(), List.of(
                new ServiceLastAccessed("s3", "Amazon S3", T0.minusSeconds(99), "us-east-1",
                        List.of(new ActionLastAccessed("CreateBucket", T0.minusSeconds(99), "us-east-1"),
                                new ActionLastAccessed("DeleteBucket", null, null))),
                new ServiceLastAccessed("dynamodb", "Amazon DynamoDB", null, null, List.of())), null);
        PrincipalLastAccessed failed = new PrincipalLastAccessed(user.arn(), List.of(), "job failed: boom");
        AnalyzerFinding finding = new AnalyzerFinding("f-1", "arn:aws:access-analyzer:us-east-1:" + accountId
                + ":analyzer/org", "UnusedPermission", role.arn(), "AWS::IAM::Role", accountId, "ACTIVE",
                T0.minusSeconds(50), T0.minusSeconds(40), Map.of("AWS", "111122223333"), List.of("s3:GetObject"),
                Boolean.FALSE, List.of(new UnusedPermission("s3", T0.minusSeconds(1000),
                List.of(new UnusedAction("s3:PutObject", null)))), "AKIAEXAMPLE", T0.minusSeconds(2000));
        return new AccountSnapshot(account(accountId), T0,
                Collected.of(new CredentialReport(T0, List.of(root, alice))),
                Collected.of(new AuthorizationDetails(List.of(user), List.of(group), List.of(role), List.of(policy))),
                Collected.of(Optional.of(new PasswordPolicy(14, true, true, true, true, true, true, 90, 24, false))),
                Collected.of(new AccountSummary(Map.of("Users", 1, "AccountMFAEnabled", 1))),
                Collected.of(List.of(new IdentityProvider(IdentityProvider.Type.OIDC,
                        "arn:aws:iam::" + accountId + ":oidc-provider/token.actions.githubusercontent.com",
                        "https://token.actions.githubusercontent.com"))),
                Collected.of(List.of(new MfaDevice("arn:aws:iam::" + accountId + ":mfa/root", "arn:aws:iam::"
                        + accountId + ":root"))),
                Collected.failed("AccessDenied: not allowed (HTTP 403)"),
                Collected.of(List.of(used, failed)),
                Collected.of(new AccessAnalyzerState(List.of(new Analyzer(finding.analyzerArn(), "org",
                        "ORGANIZATION_UNUSED_ACCESS", "ACTIVE", "999999999999")), List.of(finding))));
    }

    static Finding finding(String runId, String accountId, String id, Severity severity) {
        return new Finding(id, runId, accountId, "acct-" + accountId, "Root/Workloads/Prod", "User", "alice",
                "arn:aws:iam::" + accountId + ":user/alice", "iam_user_mfa", "User without MFA", severity,
                Finding.Status.FAIL, List.of("SEC02-BP01"), "v3.0 1.10", "IAM.5", "mfa_active=false",
                "enable MFA", T0, null, LocalDate.of(2026, 1, 1), null);
    }

    static LeastPrivilegeRecommendation recommendation(String runId, String accountId, String id) {
        return new LeastPrivilegeRecommendation(id, runId, accountId, "Role", "deployer",
                "arn:aws:iam::" + accountId + ":role/deployer", LeastPrivilegeRecommendation.Verdict.NARROW,
                "unused services", List.of("s3", "ec2"), List.of("s3"), List.of("ec2"), 10, 2,
                List.of("ec2:RunInstances"), T0, 80.0, List.of(new LeastPrivilegeRecommendation.PolicyProposal(
                "deploy", null, "INLINE", POLICY, POLICY,
                List.of(new LeastPrivilegeRecommendation.RemovedPermission("ec2:*", "never used")),
                List.of("iam:PassRole"), true)), List.of("kept for review"));
    }
}

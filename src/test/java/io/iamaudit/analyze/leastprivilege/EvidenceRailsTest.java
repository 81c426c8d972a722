package io.iamaudit.analyze.leastprivilege;

import io.iamaudit.analyze.SnapshotFixtures;
import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.stage.LeastPrivilegeRecommendation;
import io.iamaudit.stage.LeastPrivilegeRecommendation.PolicyProposal;
import io.iamaudit.stage.LeastPrivilegeRecommendation.RemovedPermission;
import io.iamaudit.stage.LeastPrivilegeRecommendation.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The evidence rails of issue 13: each planted case beside a look-alike that must not trigger it. */
class EvidenceRailsTest {

    private static final String AUDIT_ROLE = "OrganizationAccountAccessRole";
    private final LeastPrivilegeEngine engine = new LeastPrivilegeEngine(ActionCatalog.bundled(),
            AuditRoleActions.of(AUDIT_ROLE));

    private LeastPrivilegeRecommendation recommend(SnapshotFixtures f, String name) {
        return engine.recommend(f.build(), context()).stream().filter(r -> r.principalName().equals(name))
                .findFirst().orElseThrow();
    }

    private static boolean allows(PolicyProposal p, String action) {
        return p.proposedDocument() != null
                && PolicyDocument.parse(p.proposedDocument()).allows().stream().anyMatch(s -> s.coversAction(action));
    }

    @Test
    void aUsedServiceWithNoTrackedUseKeepsItsUntrackedActionsAndIsFlagged() {
        // given: s3 used 3 days ago, yet none of its tracked actions shows use in the window
        var f = clean().withRole(role("app").inline("app", allow("s3:*"))
                .lastAccessed(service("s3", daysAgo(3), action("DeleteBucket", null),
                        action("PutBucketPolicy", daysAgo(300)))));

        // when
        PolicyProposal p = recommend(f, "app").proposals().get(0);

        // then: only the tracked actions shown unused go; the service is not stripped
        assertThat(p.removed()).extracting(RemovedPermission::permission)
                .containsExactlyInAnyOrder("s3:DeleteBucket", "s3:PutBucketPolicy");
        assertThat(allows(p, "s3:GetObject")).isTrue();
        assertThat(allows(p, "s3:PutObject")).isTrue();
        assertThat(p.keptForReview()).anyMatch(n -> n.startsWith(UsageDecider.CONTRADICTORY + ": s3 last used"));
        assertThat(p.removed()).allMatch(r -> r.evidence().contains(UsageDecider.CONTRADICTORY));
    }

    @Test
    void aUsedServiceWhoseTrackedDataShowsUseIsNotFlagged() {
        var f = clean().withRole(role("app").inline("app", allow("s3:*"))
                .lastAccessed(service("s3", daysAgo(3), action("DeleteBucket", null),
                        action("ListAllMyBuckets", daysAgo(2)))));

        PolicyProposal p = recommend(f, "app").proposals().get(0);

        assertThat(p.removed()).extracting(RemovedPermission::permission).containsExactly("s3:DeleteBucket");
        assertThat(p.keptForReview()).noneMatch(n -> n.contains(UsageDecider.CONTRADICTORY));
    }

    @Test
    void aUseOnTheWindowsFirstDayCountsWhateverTheHour() {
        // given: collection at 12:00; the window's first day is 90 days back; the use was at 00:30 that day
        Instant firstDay = NOW.minus(Duration.ofDays(90)).truncatedTo(ChronoUnit.DAYS);
        var f = clean().withRole(role("early").inline("p", allow("ec2:*", "s3:*"))
                .lastAccessed(service("ec2", firstDay.plus(Duration.ofMinutes(30))), service("s3", daysAgo(1))))
                .withRole(role("late").inline("p", allow("ec2:*", "s3:*"))
                        .lastAccessed(service("ec2", firstDay.minus(Duration.ofMinutes(1))),
                                service("s3", daysAgo(1))));

        // then
        assertThat(allows(recommend(f, "early").proposals().get(0), "ec2:RunInstances")).isTrue();
        assertThat(allows(recommend(f, "late").proposals().get(0), "ec2:RunInstances")).isFalse();
    }

    @Test
    void theAuditRoleKeepsEveryActionTheAuditCalls() {
        // given: the audit role and a look-alike, both with "*", iam tracked but no iam action shown used
        var audit = role(AUDIT_ROLE).inline("admin", allow("*")).lastAccessed(service("s3", daysAgo(2)),
                service("iam", daysAgo(100), action("GetAccountAuthorizationDetails", null)));
        var other = role("OtherAdminRole").inline("admin", allow("*")).lastAccessed(service("s3", daysAgo(2)),
                service("iam", daysAgo(100), action("GetAccountAuthorizationDetails", null)));
        var f = clean().withRole(audit).withRole(other);
        AuditRoleActions required = AuditRoleActions.of(AUDIT_ROLE);

        // when
        LeastPrivilegeRecommendation a = recommend(f, AUDIT_ROLE);
        LeastPrivilegeRecommendation o = recommend(f, "OtherAdminRole");

        // then
        assertThat(required.actions()).contains("iam:getaccountauthorizationdetails", "iam:generatecredentialreport",
                "access-analyzer:listfindings");
        for (String action : required.actions()) {
            assertThat(allows(a.proposals().get(0), action)).as(action).isTrue();
        }
        assertThat(allows(o.proposals().get(0), "iam:GetAccountAuthorizationDetails")).isFalse();
        assertThat(a.notes()).anyMatch(n -> n.startsWith("audit role " + AUDIT_ROLE + ": keeps every action"))
                .anyMatch(n -> n.contains("beyond what iam-audit needs") && n.contains("s3"));
        assertThat(o.notes()).noneMatch(n -> n.startsWith("audit role"));
    }

    @Test
    void anUnusedAuditRoleIsNarrowedNotDeleted() {
        var f = clean().withRole(role(AUDIT_ROLE).inline("p", allow("iam:*", "ec2:*"))
                .lastAccessed(service("iam", null), service("ec2", null)));

        LeastPrivilegeRecommendation r = recommend(f, AUDIT_ROLE);

        assertThat(r.verdict()).isNotEqualTo(Verdict.DELETE_UNUSED_PRINCIPAL);
        assertThat(allows(r.proposals().get(0), "iam:GetAccountAuthorizationDetails")).isTrue();
        assertThat(allows(r.proposals().get(0), "ec2:RunInstances")).isFalse();
    }
}

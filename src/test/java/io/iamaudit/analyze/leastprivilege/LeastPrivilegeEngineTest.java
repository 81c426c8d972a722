package io.iamaudit.analyze.leastprivilege;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.DataSet;
import io.iamaudit.analyze.SnapshotFixtures;
import io.iamaudit.analyze.SnapshotFixtures.RoleFixture;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.stage.AccessAnalyzerState.AnalyzerFinding;
import io.iamaudit.stage.AccessAnalyzerState.UnusedPermission;
import io.iamaudit.stage.LeastPrivilegeRecommendation;
import io.iamaudit.stage.LeastPrivilegeRecommendation.PolicyProposal;
import io.iamaudit.stage.LeastPrivilegeRecommendation.RemovedPermission;
import io.iamaudit.stage.LeastPrivilegeRecommendation.Verdict;
import io.iamaudit.stage.PolicyRefs;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class LeastPrivilegeEngineTest {

    private final LeastPrivilegeEngine engine = new LeastPrivilegeEngine();

    private LeastPrivilegeRecommendation recommend(SnapshotFixtures f, String name) {
        return recommend(f, name, context());
    }

    private LeastPrivilegeRecommendation recommend(SnapshotFixtures f, String name, AnalysisContext ctx) {
        return engine.recommend(f.build(), ctx).stream().filter(r -> r.principalName().equals(name)).findFirst()
                .orElseThrow();
    }

    private static List<String> actions(String json, int statement) {
        return PolicyDocument.parse(json).statements().get(statement).actions().stream().map(a -> a.text()).toList();
    }

    @Test
    void unusedServiceIsRemovedWithItsEvidence() {
        var f = clean().withRole(role("app").inline("app", allow("s3:*", "ec2:*"))
                .lastAccessed(service("s3", daysAgo(3)), service("ec2", daysAgo(200))));
        LeastPrivilegeRecommendation r = recommend(f, "app");

        assertThat(r.verdict()).isEqualTo(Verdict.NARROW);
        PolicyProposal p = r.proposals().get(0);
        assertThat(p.attachment()).isEqualTo("INLINE");
        assertThat(actions(p.proposedDocument(), 0)).containsExactly("s3:*");
        assertThat(p.removed()).singleElement().satisfies(x -> {
            assertThat(x.permission()).isEqualTo("ec2:*");
            assertThat(x.evidence()).contains("ec2 last used 2026-05-12").contains("window start 2026-08-30");
        });
        assertThat(r.usedServices()).containsExactly("s3");
        assertThat(r.unusedServices()).containsExactly("ec2");
        assertThat(r.reductionPercent()).isBetween(50.0, 99.0);
        assertThat(r.recommendationId()).isEqualTo(recommend(f, "app").recommendationId());
    }

    @Test
    void starBecomesTheUsedServicesAndKeepsPassRoleForReview() {
        var f = clean().withRole(role("admin").inline("all", allow("*"))
                .lastAccessed(service("s3", daysAgo(3)), service("lambda", daysAgo(10)), service("ec2", null),
                        service("iam", null)));
        PolicyProposal p = recommend(f, "admin").proposals().get(0);

        assertThat(actions(p.proposedDocument(), 0)).contains("lambda:*", "s3:*", "iam:PassRole")
                .doesNotContain("*", "ec2:*", "iam:*");
        assertThat(p.keptForReview()).anyMatch(n -> n.startsWith("iam:PassRole: last-accessed cannot see it"));
        assertThat(p.removed()).extracting(RemovedPermission::permission).contains("ec2:*", "iam:*");
        assertThat(p.removed()).filteredOn(x -> x.permission().equals("ec2:*")).singleElement()
                .satisfies(x -> assertThat(x.evidence()).contains("never used"));
    }

    @Test
    void trackedActionsNarrowAServiceWildcardToWhatWasUsedAndUntracked() {
        var f = clean().withRole(role("s3app").inline("s3", allow("s3:*"))
                .lastAccessed(service("s3", daysAgo(1), action("DeleteBucket", null),
                        action("PutBucketPolicy", daysAgo(300)), action("ListAllMyBuckets", daysAgo(2)))));
        PolicyProposal p = recommend(f, "s3app").proposals().get(0);

        List<String> proposed = actions(p.proposedDocument(), 0);
        PolicyDocument doc = PolicyDocument.parse(p.proposedDocument());
        assertThat(doc.allows().get(0).coversAction("s3:DeleteBucket")).isFalse();
        assertThat(doc.allows().get(0).coversAction("s3:PutBucketPolicy")).isFalse();
        assertThat(doc.allows().get(0).coversAction("s3:GetObject")).isTrue();
        assertThat(doc.allows().get(0).coversAction("s3:ListAllMyBuckets")).isTrue();
        assertThat(proposed).contains("s3:Get*").doesNotContain("s3:*");
        assertThat(p.removed()).extracting(RemovedPermission::permission)
                .containsExactlyInAnyOrder("s3:DeleteBucket", "s3:PutBucketPolicy");
        assertThat(p.removed()).filteredOn(x -> x.permission().equals("s3:PutBucketPolicy")).singleElement()
                .satisfies(x -> assertThat(x.evidence()).contains("last used 2026-02-01"));
    }

    @Test
    void denyStatementsConditionsAndResourcesStayIntact() {
        String doc = """
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"Data","Effect":"Allow","Action":["s3:GetObject","dynamodb:*"],"Resource":"arn:aws:s3:::b/*",
                  "Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}},
                 {"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}]}""";
        var f = clean().withRole(role("data").inline("d", doc)
                .lastAccessed(service("s3", daysAgo(1)), service("dynamodb", null)));
        String proposed = recommend(f, "data").proposals().get(0).proposedDocument();
        PolicyDocument out = PolicyDocument.parse(proposed);

        assertThat(out.statements()).hasSize(2);
        assertThat(out.statements().get(0).json().get("Condition").toString()).contains("eu-west-1");
        assertThat(out.statements().get(0).resources()).containsExactly("arn:aws:s3:::b/*");
        assertThat(out.statements().get(0).sid()).isEqualTo("Data");
        assertThat(actions(proposed, 0)).containsExactly("s3:GetObject");
        assertThat(out.statements().get(1).allow()).isFalse();
        assertThat(out.statements().get(1).json().toString()).contains("s3:DeleteObject");
    }

    @Test
    void optOutSidAndGracePeriodKeepPermissions() {
        String doc = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NOREPOLegacy\",\"Effect\":\"Allow\","
                + "\"Action\":\"ec2:*\",\"Resource\":\"*\"}]}";
        var f = clean().withPolicy(managed("fresh", arn("policy", "fresh"), allow("sqs:*"), daysAgo(3)))
                .withRole(role("app").inline("legacy", doc).attached("fresh", arn("policy", "fresh"))
                        .lastAccessed(service("ec2", null), service("sqs", null), service("s3", daysAgo(1))));
        LeastPrivilegeRecommendation r = recommend(f, "app");

        assertThat(r.proposals()).allSatisfy(p -> assertThat(p.removed()).isEmpty());
        assertThat(r.proposals()).filteredOn(p -> p.policyName().equals("legacy")).singleElement()
                .satisfies(p -> assertThat(p.keptForReview()).anyMatch(n -> n.contains("opted out")));
        assertThat(r.notes()).anyMatch(n -> n.contains("managed fresh") && n.contains("14-day grace period"));
        assertThat(r.verdict()).isEqualTo(Verdict.KEEP);
    }

    @Test
    void notActionIsNarrowedToUsedServicesOnlyWhenNoneIsPartlyExcluded() {
        String power = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\","
                + "\"organizations:*\"],\"Resource\":\"*\"}]}";
        var narrowable = clean().withRole(role("dev").inline("power", power)
                .lastAccessed(service("s3", daysAgo(1)), service("ec2", daysAgo(1)), service("rds", null)));
        String proposed = recommend(narrowable, "dev").proposals().get(0).proposedDocument();
        // sts is not excluded by the NotAction list, so the STS actions last-accessed cannot see stay (flagged)
        assertThat(actions(proposed, 0)).containsExactly("ec2:*", "s3:*", "sts:SetSourceIdentity", "sts:TagSession");
        assertThat(PolicyDocument.parse(proposed).statements().get(0).notAction()).isFalse();

        var partly = clean().withRole(role("dev").inline("power", power)
                .lastAccessed(service("s3", daysAgo(1)), service("iam", daysAgo(1))));
        PolicyProposal kept = recommend(partly, "dev").proposals().get(0);
        assertThat(kept.proposedDocument()).isEqualTo(power);
        assertThat(kept.keptForReview()).anyMatch(n -> n.contains("NotAction statement kept") && n.contains("iam"));
    }

    @Test
    void unusedPrincipalIsToBeDeletedWithAnalyzerEvidence() {
        RoleFixture idle = role("idle").lastUsed(daysAgo(300)).inline("x", allow("s3:GetObject"))
                .lastAccessed(service("s3", daysAgo(300)));
        var f = clean().withRole(idle).withFinding(new AnalyzerFinding("aa-42", "arn", "UnusedIAMRole", idle.arn(),
                "AWS::IAM::Role", ACCOUNT, "ACTIVE", NOW, NOW, null, null, null, null, null, daysAgo(300)));
        LeastPrivilegeRecommendation r = recommend(f, "idle");
        assertThat(r.verdict()).isEqualTo(Verdict.DELETE_UNUSED_PRINCIPAL);
        assertThat(r.reason()).contains("aa-42").contains("delete the role");
        assertThat(r.proposals().get(0).removed()).singleElement().satisfies(x -> assertThat(x.evidence())
                .contains("s3 last used 2026-02-01").contains("role unused since the window start 2026-08-30")
                .contains("aa-42"));
        assertThat(r.proposals().get(0).proposedDocument()).isNull();
        assertThat(r.proposals().get(0).keptForReview()).contains("nothing in x is still used: detach it");
        assertThat(r.reductionPercent()).isEqualTo(100.0);
    }

    @Test
    void analyzerFindingsAddEvidenceToRemovals() {
        RoleFixture app = role("app").inline("x", allow("s3:*", "sqs:*"))
                .lastAccessed(service("s3", daysAgo(1)), service("sqs", daysAgo(120)));
        var f = clean().withRole(app).withFinding(new AnalyzerFinding("aa-7", "arn", "UnusedPermission", app.arn(),
                "AWS::IAM::Role", ACCOUNT, "ACTIVE", NOW, NOW, null, null, null,
                List.of(new UnusedPermission("sqs", daysAgo(120), List.of())), null, null));
        assertThat(recommend(f, "app").proposals().get(0).removed()).singleElement()
                .satisfies(x -> assertThat(x.evidence()).contains("Access Analyzer finding aa-7 agrees"));
    }

    @Test
    void safetyRailsSkipPrincipalsWithTheReason() {
        var f = clean()
                .withRole(role("AWSServiceRoleForECS").path("/aws-service-role/ecs.amazonaws.com/").inline("x", allow("*")))
                .withRole(role("AWSReservedSSO_Admin_1").path("/aws-reserved/sso.amazonaws.com/").inline("x", allow("*")))
                .withRole(role("break-glass-admin").inline("x", allow("*")).lastAccessed(service("s3", null)))
                .withRole(role("tagged").tag("iam-audit:break-glass", "true").inline("x", allow("*")))
                .withRole(role("young").created(daysAgo(20)).inline("x", allow("*")))
                .withRole(role("nodata").inline("x", allow("*")).lastAccessedError("NoSuchEntity"));
        assertThat(recommend(f, "AWSServiceRoleForECS").reason()).contains("service-linked");
        assertThat(recommend(f, "AWSReservedSSO_Admin_1").reason()).contains("fix the permission set, not the role");
        assertThat(recommend(f, "break-glass-admin").reason()).contains("break-glass");
        assertThat(recommend(f, "tagged").reason()).contains("break-glass");
        assertThat(recommend(f, "young").reason()).contains("younger than the 90-day window");
        assertThat(recommend(f, "nodata").reason()).contains("no last-accessed report").contains("NoSuchEntity");
        assertThat(engine.recommend(f.build(), context())).filteredOn(r -> r.verdict() == Verdict.SKIPPED)
                .hasSize(6).allSatisfy(r -> assertThat(r.proposals()).isEmpty());
        var noLastAccessed = clean().withRole(role("app").inline("x", allow("s3:*")))
                .missing(DataSet.LAST_ACCESSED, "AccessDenied");
        assertThat(recommend(noLastAccessed, "app").reason()).contains("last-accessed not collected: AccessDenied");
    }

    @Test
    void groupPoliciesRemoveOnlyWhatNoMemberUses() {
        var f = clean().withGroup("devs", List.of(), List.of(new PolicyRefs.InlinePolicy("dev",
                        allow("s3:*", "ec2:*", "rds:*"))))
                .withUser(user("ann").group("devs").lastAccessed(service("s3", daysAgo(1)), service("ec2", null),
                        service("rds", null)))
                .withUser(user("ben").group("devs").lastAccessed(service("s3", null), service("ec2", daysAgo(2)),
                        service("rds", null)));
        PolicyProposal p = recommend(f, "ann").proposals().get(0);
        assertThat(p.attachment()).isEqualTo("GROUP");
        assertThat(p.policyName()).isEqualTo("devs/dev");
        assertThat(actions(p.proposedDocument(), 0)).containsExactly("s3:*", "ec2:*");
        assertThat(recommend(f, "ben").proposals().get(0).proposedDocument()).isEqualTo(p.proposedDocument());
        assertThat(recommend(f, "ann").notes()).anyMatch(n -> n.contains("merged usage of all its members"));
    }

    @Test
    void oversizedProposalsSaySoAndHowToSplit() {
        List<String> many = ActionCatalogActions.first(400, "ec2");
        var f = clean().withPolicy(customer("big", allow(many.toArray(String[]::new))))
                .withRole(role("big").attached("big", arn("policy", "big"))
                        .lastAccessed(service("ec2", daysAgo(1), action(many.get(0).substring(4), null))));
        PolicyProposal p = recommend(f, "big").proposals().get(0);
        assertThat(p.fitsSizeLimit()).isFalse();
        assertThat(p.keptForReview()).anyMatch(n -> n.contains("(> 6144): split it into"));
    }

    @Test
    void aggregateReductionWeighsPrincipalsByGrantedActions() {
        var f = clean().withRole(role("app").inline("app", allow("s3:*", "ec2:*"))
                .lastAccessed(service("s3", daysAgo(3)), service("ec2", null)));
        var recs = engine.recommend(f.build(), context());
        double aggregate = LeastPrivilegeEngine.aggregateReduction(recs);
        assertThat(aggregate).isGreaterThan(0).isLessThan(recommend(f, "app").reductionPercent());
    }
}

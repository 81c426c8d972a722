package io.iamaudit.analyze;

import io.iamaudit.analyze.run.AccountAnalyzer;
import io.iamaudit.analyze.run.AccountAnalysis;

import io.iamaudit.stage.LeastPrivilegeRecommendation;
import io.iamaudit.stage.PolicyRefs;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** A large account (400 users in one group, 400 roles) is analysed whole, and group work is shared by members. */
class AccountScaleTest {

    @Test
    void analysesALargeAccount() {
        SnapshotFixtures f = clean().withGroup("everyone", List.of(),
                List.of(new PolicyRefs.InlinePolicy("base", allow("s3:*", "ec2:Describe*", "sqs:*"))));
        for (int i = 0; i < 400; i++) {
            f.withUser(user("u" + i).group("everyone").key(daysAgo(100 + i % 50), daysAgo(i % 60))
                    .lastAccessed(service("s3", daysAgo(i % 120)), service("ec2", null), service("sqs", null)));
            f.withRole(role("r" + i).inline("p", allow(i % 2 == 0 ? "*" : "dynamodb:*"))
                    .lastAccessed(service("dynamodb", daysAgo(i % 200)), service("s3", null)));
        }
        long start = System.nanoTime();
        AccountAnalysis a = new AccountAnalyzer().analyze(f.build(), context());
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("scale: %d findings, %d recommendations in %d ms%n", a.findings().size(),
                a.recommendations().size(), ms);

        assertThat(a.recommendations()).hasSize(801);
        List<LeastPrivilegeRecommendation> users = a.recommendations().stream()
                .filter(r -> r.principalType().equals("User")).toList();
        assertThat(users).allSatisfy(r -> assertThat(r.proposals()).singleElement()
                .isSameAs(users.get(0).proposals().get(0)));
        assertThat(users.get(0).proposals().get(0).proposedDocument()).contains("s3:*").doesNotContain("sqs");
        assertThat(a.findings()).filteredOn(x -> x.ruleId().equals("IAM.USER.KEY_ROTATION")).hasSize(400);
    }
}

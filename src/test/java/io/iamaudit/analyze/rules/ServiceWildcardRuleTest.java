package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.SnapshotFixtures;
import io.iamaudit.analyze.Violation;
import io.iamaudit.analyze.Thresholds;
import io.iamaudit.stage.*;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.iamaudit.analyze.RuleTesting.violations;
import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class ServiceWildcardRuleTest {
    @Test
    void customerPolicyWithServiceStarFails() {
        var f = clean().withPolicy(customer("s3-all", allow("s3:*", "ec2:Describe*")));
        assertThat(violations(new ServiceWildcardRule(), f)).singleElement()
                .satisfies(x -> assertThat(x.evidence()).startsWith("allows s3:*"));
    }

    @Test
    void awsManagedAndSpecificActionsPass() {
        var f = clean().withPolicy(managed("AmazonS3FullAccess", "arn:aws:iam::aws:policy/AmazonS3FullAccess",
                allow("s3:*"), daysAgo(100))).withPolicy(customer("read", allow("s3:Get*", "s3:ListBucket")));
        assertThat(violations(new ServiceWildcardRule(), f)).isEmpty();
    }
}

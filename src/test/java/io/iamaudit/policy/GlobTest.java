package io.iamaudit.policy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GlobTest {

    @Test
    void matchesLikeIam() {
        assertThat(Glob.matches("s3:Get*", "s3:GetObject")).isTrue();
        assertThat(Glob.matches("s3:get*", "S3:GETOBJECT")).isTrue();
        assertThat(Glob.matches("*:Get*", "ec2:GetConsoleOutput")).isTrue();
        assertThat(Glob.matches("s3:*Object", "s3:PutObject")).isTrue();
        assertThat(Glob.matches("s3:*Object", "s3:PutObjectAcl")).isFalse();
        assertThat(Glob.matches("s3:?etObject", "s3:GetObject")).isTrue();
        assertThat(Glob.matches("s3:?etObject", "s3:etObject")).isFalse();
        assertThat(Glob.matches("arn:aws:iam::*:role/legacy-*", "arn:aws:iam::123456789012:role/legacy-db")).isTrue();
        assertThat(Glob.matches("*", "")).isTrue();
        assertThat(Glob.matches("a*b*c", "aXbYbZc")).isTrue();
        assertThat(Glob.matches("a*b*c", "aXbYbZ")).isFalse();
    }

    @Test
    void withinIsExactForPrefixesAndSafeOtherwise() {
        assertThat(new ActionPattern("s3:Get*").within(new ActionPattern("s3:*"))).isTrue();
        assertThat(new ActionPattern("s3:GetObject*").within(new ActionPattern("s3:Get*"))).isTrue();
        assertThat(new ActionPattern("s3:Get*").within(new ActionPattern("s3:GetObject*"))).isFalse();
        assertThat(new ActionPattern("s3:Get*").within(ActionPattern.ALL)).isTrue();
        assertThat(new ActionPattern("s3:GetObject").within(new ActionPattern("s3:Get*"))).isTrue();
        assertThat(new ActionPattern("s3:*Object").within(new ActionPattern("s3:*"))).isFalse();
        assertThat(new ActionPattern("s3:Get*").within(new ActionPattern("s3:*Object"))).isFalse();
        assertThat(new ActionPattern("S3:GET*").within(new ActionPattern("s3:get*"))).isTrue();
    }
}

package io.iamaudit.policy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyDocumentTest {

    @Test
    void parsesSingleStringsListsNotActionAndConditions() {
        PolicyDocument doc = PolicyDocument.parse("""
                {"Version":"2012-10-17","Statement":[
                  {"Sid":"Read","Effect":"Allow","Action":"s3:Get*","Resource":"*"},
                  {"Effect":"Allow","NotAction":["iam:*","organizations:*"],"NotResource":"arn:aws:s3:::secret",
                   "Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}},
                  {"Effect":"Deny","Action":["ec2:TerminateInstances"],"Resource":["*"]}]}""");

        assertThat(doc.statements()).hasSize(3);
        Statement read = doc.statements().get(0);
        assertThat(read.sid()).isEqualTo("Read");
        assertThat(read.coversAction("s3:GetObject")).isTrue();
        assertThat(read.coversAction("s3:PutObject")).isFalse();
        assertThat(read.allResources()).isTrue();

        Statement notAction = doc.statements().get(1);
        assertThat(notAction.notAction()).isTrue();
        assertThat(notAction.notResource()).isTrue();
        assertThat(notAction.hasCondition()).isTrue();
        assertThat(notAction.coversAction("iam:CreateUser")).isFalse();
        assertThat(notAction.coversAction("ec2:RunInstances")).isTrue();

        assertThat(doc.denies()).hasSize(1);
        assertThat(doc.allows()).hasSize(2);
    }

    @Test
    void statementMayBeASingleObject() {
        PolicyDocument doc = PolicyDocument.parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}");
        assertThat(doc.allows()).singleElement().satisfies(s -> assertThat(s.coversAction("kms:Decrypt")).isTrue());
    }

    @Test
    void rejectsTextThatIsNotAPolicy() {
        assertThatThrownBy(() -> PolicyDocument.parse("=HYPERLINK(\"http://x\")"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> PolicyDocument.parse("[1,2]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void actionPatternsMatchCaseInsensitivelyWithWildcards() {
        assertThat(new ActionPattern("S3:get*").matches("s3:GetObject")).isTrue();
        assertThat(new ActionPattern("s3:?etObject").matches("s3:GetObject")).isTrue();
        assertThat(new ActionPattern("s3:GetObject").matches("s3:GetObjectAcl")).isFalse();
        assertThat(new ActionPattern("s3:*").wholeService()).isTrue();
        assertThat(new ActionPattern("s3:Get*").service()).isEqualTo("s3");
    }

    @Test
    void catalogExpandsWildcardsAndKeepsUnknownActions() {
        ActionCatalog catalog = ActionCatalog.bundled();
        assertThat(catalog.expand(new ActionPattern("s3:Get*"))).contains("s3:GetObject").allMatch(a -> a.startsWith("s3:Get"));
        assertThat(catalog.expand(new ActionPattern("iam:PassRole"))).containsExactly("iam:PassRole");
        assertThat(catalog.expand(new ActionPattern("newsvc:DoThing"))).containsExactly("newsvc:DoThing");
        assertThat(catalog.expand(new ActionPattern("lambda:Invoke*"))).contains("lambda:InvokeFunction");
        assertThat(catalog.prefixes()).contains("s3", "iam", "ec2", "cloudwatch").hasSizeGreaterThan(300);
        assertThat(catalog.serviceName("s3")).isEqualTo("Amazon S3");
    }
}

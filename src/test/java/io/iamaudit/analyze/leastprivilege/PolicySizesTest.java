package io.iamaudit.analyze.leastprivilege;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamaudit.policy.PolicyDocument;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PolicySizesTest {

    @Test
    void whitespaceIsNotCounted() {
        ObjectNode compact = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[]}").json();
        ObjectNode pretty = PolicyDocument.parse("{ \"Version\" : \"2012-10-17\",\n  \"Statement\" : [ ] }").json();
        assertThat(PolicySizes.size(compact)).isEqualTo(PolicySizes.size(pretty)).isEqualTo(39);
    }

    @Test
    void splitsStatementsIntoDocumentsUnderTheLimit() {
        StringBuilder doc = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        for (int i = 0; i < 40; i++) {
            doc.append(i == 0 ? "" : ",").append("{\"Sid\":\"S").append(i).append("\",\"Effect\":\"Allow\",")
                    .append("\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bucket-with-a-long-name-")
                    .append(i).append("/*\"}");
        }
        ObjectNode big = PolicyDocument.parse(doc.append("]}").toString()).json();
        assertThat(PolicySizes.size(big)).isGreaterThan(4000);

        List<ObjectNode> parts = PolicySizes.split(big, 1000);
        assertThat(parts).hasSizeGreaterThan(4).allSatisfy(p -> assertThat(PolicySizes.size(p)).isLessThanOrEqualTo(1000));
        assertThat(parts.stream().mapToInt(p -> p.withArray("Statement").size()).sum()).isEqualTo(40);
        assertThat(parts).allSatisfy(p -> assertThat(p.get("Version").asText()).isEqualTo("2012-10-17"));
    }

    @Test
    void verbIsTheLeadingWordOfTheActionName() {
        assertThat(ActionCompactor.verb("s3:GetObject")).isEqualTo("Get");
        assertThat(ActionCompactor.verb("ec2:DescribeInstances")).isEqualTo("Describe");
        assertThat(ActionCompactor.verb("sqs:getqueueurl")).isEmpty();
    }
}

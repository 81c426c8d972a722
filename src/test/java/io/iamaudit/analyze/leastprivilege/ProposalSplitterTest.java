package io.iamaudit.analyze.leastprivilege;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.policy.PolicyDocument;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.iamaudit.analyze.leastprivilege.PolicyRewriterGoldenTest.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden case: an oversized proposal (an action-by-action list over three services, a conditional statement and a
 * Deny) split into managed policies that each fit 6,144 characters and together allow exactly what it allowed.
 */
class ProposalSplitterTest {

    private static final Path GOLDEN = PolicyRewriterGoldenTest.DIR.resolve("split-oversized.expected.json");

    @Test
    void anOversizedProposalSplitsIntoValidPartsGroupedByService() throws IOException {
        // given
        ActionCatalog catalog = ActionCatalog.bundled();
        String whole = oversized(catalog);
        ObjectNode doc = PolicyDocument.parse(whole).json();
        assertThat(PolicySizes.size(doc)).isGreaterThan(2 * PolicySizes.MANAGED);

        // when
        List<ProposalSplitter.Part> parts = ProposalSplitter.split("deployer", doc, PolicySizes.MANAGED);

        // then: valid, named, each under the quota
        assertThat(parts).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 0; i < parts.size(); i++) {
            ProposalSplitter.Part p = parts.get(i);
            assertThat(p.name()).isEqualTo("deployer-part-" + (i + 1));
            assertThat(PolicySizes.size(p.document())).isLessThanOrEqualTo(PolicySizes.MANAGED);
            assertThat(PolicyDocument.parse(p.document().toString()).version()).isEqualTo("2012-10-17");
            assertThat(p.document().withArray("Statement").findValuesAsText("Sid")).doesNotHaveDuplicates();
        }
        // grouped by service: one service per Allow statement, services in order across the parts; Deny in part 1
        List<String> services = parts.stream().flatMap(p -> PolicyDocument.parse(p.document().toString()).allows()
                .stream()).map(st -> st.actions().stream().map(a -> a.service()).distinct().toList())
                .peek(list -> assertThat(list).hasSize(1)).map(list -> list.get(0)).toList();
        assertThat(services).isSorted().contains("ec2", "iam", "s3");
        assertThat(parts.get(0).document().toString()).contains("\"Effect\":\"Deny\"");
        // together exactly the whole, in every resource/condition context
        String union = union(parts);
        ActionOracleCheck.neverWidens(whole, union);
        ActionOracleCheck.neverWidens(union, whole);
        // stable: the golden file
        ArrayNode out = JSON.createArrayNode();
        parts.forEach(p -> out.addObject().put("name", p.name()).put("size", PolicySizes.size(p.document()))
                .set("document", p.document()));
        String actual = JSON.writeValueAsString(out) + "\n";
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(GOLDEN));
    }

    @Test
    void aProposalThatFitsKeepsItsNameAndDocument() {
        ObjectNode doc = PolicyDocument.parse("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","ec2:Describe*"],
                 "Resource":"*"}]}""").json();
        assertThat(ProposalSplitter.split("small", doc, PolicySizes.MANAGED))
                .singleElement().satisfies(p -> {
                    assertThat(p.name()).isEqualTo("small");
                    assertThat(p.document()).isEqualTo(doc);
                });
    }

    @Test
    void partNamesStayWithinIamsRules() {
        assertThat(ProposalSplitter.partName("admins/inline policy", 2)).isEqualTo("admins-inline_policy-part-2");
        assertThat(ProposalSplitter.partName("x".repeat(200), 12)).hasSize(128).endsWith("-part-12");
    }

    private static String oversized(ActionCatalog catalog) {
        List<String> ec2 = catalog.actionsOf("ec2").stream().limit(400).toList();
        List<String> iam = catalog.actionsOf("iam").stream().limit(120).toList();
        List<String> s3 = catalog.actionsOf("s3").stream().limit(100).toList();
        return """
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"Deploy","Effect":"Allow","Action":%s,"Resource":"*"},
                 {"Sid":"Buckets","Effect":"Allow","Action":%s,"Resource":"arn:aws:s3:::deploy-*",
                  "Condition":{"Bool":{"aws:SecureTransport":"true"}}},
                 {"Sid":"NoProd","Effect":"Deny","Action":"ec2:TerminateInstances","Resource":"*",
                  "Condition":{"StringEquals":{"aws:ResourceTag/env":"prod"}}}]}"""
                .formatted(json(concat(ec2, iam)), json(s3));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static String json(List<String> actions) {
        return JSON.valueToTree(actions).toString();
    }

    private static String union(List<ProposalSplitter.Part> parts) {
        ObjectNode out = JSON.createObjectNode().put("Version", "2012-10-17");
        ArrayNode statements = out.putArray("Statement");
        parts.forEach(p -> p.document().withArray("Statement").forEach(statements::add));
        return out.toString();
    }
}

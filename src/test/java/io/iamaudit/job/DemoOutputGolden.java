package io.iamaudit.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.iamaudit.stage.Finding;
import io.iamaudit.stage.LeastPrivilegeRecommendation;
import io.iamaudit.stage.LeastPrivilegeRecommendation.PolicyProposal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's findings and proposals as a canonical, sorted text: one line per finding (account, rule, resource, status,
 * id) and one per proposal (account, principal, policy, id and the proposed policy with sorted keys), sorted so that
 * a diff reads by account. Compared with a golden file so that a
 * refactoring which claims "behaviour unchanged" proves it; a branch that adds rules or planted cases shows only added
 * lines in the golden's diff. Regenerate with {@code -Dgolden.update=true} and review that diff.
 */
final class DemoOutputGolden {

    static final Path FILE = Path.of("src/test/resources/golden/demo/findings-and-proposals.txt");

    /** Keys sorted so that the canonical text does not depend on how a document's JSON happened to be written. */
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private DemoOutputGolden() {
    }

    static String render(List<Finding> findings, List<LeastPrivilegeRecommendation> recommendations) {
        List<String> lines = new ArrayList<>();
        for (Finding f : findings) {
            lines.add(String.join("\t", "finding", f.accountId(), f.ruleId(), resource(f), f.status().name(),
                    f.findingId()));
        }
        for (LeastPrivilegeRecommendation r : recommendations) {
            for (PolicyProposal p : r.proposals()) {
                lines.add(String.join("\t", "proposal", r.accountId(), r.principalArn(), p.attachment(),
                        p.policyName(), r.recommendationId(), canonical(p.proposedDocument())));
            }
        }
        lines.sort(null);
        return String.join("\n", lines) + "\n";
    }

    static void assertMatches(String actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, actual);
        }
        assertThat(FILE).as("golden file (create with -Dgolden.update=true)").exists();
        String expected = Files.readString(FILE);
        if (!actual.equals(expected)) {
            // beside the golden's name under target/, for `diff` (the assertion message is hundreds of lines)
            Path copy = Path.of("target/golden-actual").resolve(FILE.getFileName());
            Files.createDirectories(copy.getParent());
            Files.writeString(copy, actual);
        }
        assertThat(actual).as("demo output (this run's copy: target/golden-actual)").isEqualTo(expected);
    }

    private static String resource(Finding f) {
        return f.principalArn() != null ? f.principalArn() : String.valueOf(f.principalName());
    }

    /** {@code -} when no policy is proposed (the attachment should go), else the document with sorted keys. */
    private static String canonical(String document) {
        if (document == null) {
            return "-";
        }
        try {
            return CANONICAL.writeValueAsString(CANONICAL.readValue(document, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("proposal is not JSON: " + document, e);
        }
    }
}

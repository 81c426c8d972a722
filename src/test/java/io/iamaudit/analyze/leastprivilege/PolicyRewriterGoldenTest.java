package io.iamaudit.analyze.leastprivilege;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.policy.ActionPattern;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.stage.LeastPrivilegeRecommendation.RemovedPermission;
import io.iamaudit.stage.PrincipalLastAccessed;
import io.iamaudit.stage.ServiceLastAccessed;
import io.iamaudit.stage.ServiceLastAccessed.ActionLastAccessed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files: representative policies with a usage history each, and the proposal we expect, committed under
 * {@code src/test/resources/golden/least-privilege/}. AWS managed policies come from moto at test time. After an
 * intended change, regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class PolicyRewriterGoldenTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final Instant WINDOW_START = NOW.minus(Duration.ofDays(90));
    static final Path DIR = Path.of("src/test/resources/golden/least-privilege");
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PolicyRewriter rewriter = new PolicyRewriter(ActionCatalog.bundled());

    @ParameterizedTest
    @ValueSource(strings = {"aws-ReadOnlyAccess", "aws-PowerUserAccess", "aws-AmazonS3FullAccess",
            "customer-ci-deployer", "customer-admin-star", "customer-data-reader"})
    void proposalMatchesTheGoldenFile(String name) throws IOException {
        GoldenCase c = GoldenCases.get(name);
        String policy = c.policy();
        PolicyRewriter.Result r = rewriter.rewrite(PolicyDocument.parse(policy),
                new UsageDecider(Usage.of(c.usage(), WINDOW_START), AnalyzerEvidence.none()), "NOREPO");
        String actual = JSON.writeValueAsString(render(r)) + "\n";

        if (r.proposed() != null) {
            ActionOracleCheck.neverWidens(policy, r.proposed().toString());
        }
        Path file = DIR.resolve(name + ".expected.json");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual);
        }
        assertThat(file).as("golden file (create with -Dgolden.update=true)").exists();
        assertThat(actual).isEqualTo(Files.readString(file));
    }

    private static ObjectNode render(PolicyRewriter.Result r) {
        ObjectNode out = JSON.createObjectNode();
        out.set("proposed", r.proposed());
        out.put("changed", r.changed());
        out.put("removedCount", r.removed().size());
        if (r.removed().size() <= 80) {
            ArrayNode removed = out.putArray("removed");
            for (RemovedPermission p : r.removed()) {
                removed.addObject().put("permission", p.permission()).put("evidence", p.evidence());
            }
        } else {
            Map<String, Integer> byService = new TreeMap<>();
            r.removed().forEach(p -> byService.merge(new ActionPattern(p.permission()).service(), 1, Integer::sum));
            out.set("removedByService", JSON.valueToTree(byService));
        }
        ArrayNode review = out.putArray("keptForReview");
        new TreeSet<>(r.keptForReview()).forEach(review::add);
        return out;
    }

    /** One golden input: a policy and the principal's last-accessed report. */
    record GoldenCase(String policy, PrincipalLastAccessed usage) {
    }

    static ServiceLastAccessed used(String ns, int daysAgo, ActionLastAccessed... actions) {
        return new ServiceLastAccessed(ns, ns, NOW.minus(Duration.ofDays(daysAgo)), "us-east-1", List.of(actions));
    }

    static ServiceLastAccessed never(String ns) {
        return new ServiceLastAccessed(ns, ns, null, null, List.of());
    }

    static ActionLastAccessed act(String name, Integer daysAgo) {
        return new ActionLastAccessed(name, daysAgo == null ? null : NOW.minus(Duration.ofDays(daysAgo)), null);
    }

    /** Every service a policy names, as last-accessed would list them: the given ones, all others never used. */
    static PrincipalLastAccessed report(String policy, ServiceLastAccessed... given) {
        List<ServiceLastAccessed> out = new ArrayList<>(List.of(given));
        TreeSet<String> named = new TreeSet<>();
        PolicyDocument.parse(policy).statements().forEach(s -> s.actions().forEach(a -> named.add(a.service())));
        named.remove("*");
        out.stream().map(ServiceLastAccessed::serviceNamespace).toList().forEach(named::remove);
        named.forEach(ns -> out.add(never(ns)));
        return new PrincipalLastAccessed("arn:aws:iam::111111111111:role/golden", out, null);
    }
}

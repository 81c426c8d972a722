package io.iamaudit.analyze.risk;

import io.iamaudit.analyze.EffectivePolicies;
import io.iamaudit.analyze.PolicySource;
import io.iamaudit.analyze.leastprivilege.Usage;
import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.policy.Statement;
import io.iamaudit.stage.PrincipalLastAccessed;
import io.iamaudit.stage.ServiceLastAccessed;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memoized risk analysis (per statement clause, per principal policy set, per document; across principals and
 * accounts) against the direct algorithm it replaced, kept here verbatim as the reference, on generated policies:
 * wildcards, NotAction, unknown and mixed-case actions, patterns without a service, Deny with and without
 * conditions, confined resources and boundaries. Each principal's documents are new string instances, as each
 * account's snapshot gives, so later principals hit what earlier ones cached.
 */
class MemoizedRiskAnalysisTest {

    private static final ActionCatalog CATALOG = ActionCatalog.bundled();
    private static final Instant WINDOW_START = Instant.parse("2026-09-01T00:00:00Z");

    @Test
    void memoizedAnswersEqualTheDirectOnesOnGeneratedPolicies() {
        Random rnd = new Random(20261207);
        List<String> services = List.of("s3", "iam", "ec2", "kms", "secretsmanager", "ssm", "sts", "lambda", "ecr",
                "redshift", "sqs", "organizations");
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            documents.add(document(rnd, services));
        }
        int principals = 0;
        int withRisk = 0;
        int withPaths = 0;
        for (int p = 0; p < 80; p++) {
            List<PolicySource> sources = new ArrayList<>();
            for (int k = 0, n = 1 + rnd.nextInt(3); k < n; k++) {
                // a fresh instance of a recurring text, as every account's snapshot holds its own
                String text = new String(documents.get(rnd.nextInt(documents.size())));
                sources.add(new PolicySource("p" + k, null, PolicySource.Attachment.INLINE, null, text, null));
            }
            String boundary = rnd.nextInt(4) == 0 ? new String(documents.get(rnd.nextInt(documents.size()))) : null;
            PrincipalPermissions permissions = PrincipalPermissions.of(new EffectivePolicies(sources, List.of()),
                    boundary);
            Optional<PolicyDocument> boundaryDoc = PolicySource.parse(boundary);
            List<PolicyDocument> identity = sources.stream().flatMap(s -> s.parsed().stream()).toList();
            for (String action : probes(rnd, services)) {
                assertThat(permissions.grant(action)).as(action)
                        .isEqualTo(Reference.grant(identity, boundaryDoc, action));
            }
            for (RiskClass risk : RiskClass.values()) {
                Set<String> expected = Reference.riskActions(risk, identity, identity, boundaryDoc);
                assertThat(RiskActions.held(risk, permissions, CATALOG)).as(risk.name())
                        .containsExactlyElementsOf(expected);
                assertThat(RiskActions.held(risk, permissions, CATALOG)).as("cached " + risk)
                        .containsExactlyElementsOf(expected);
                withRisk += expected.isEmpty() ? 0 : 1;
            }
            List<EscalationMatch> paths = EscalationMatch.find(EscalationCatalog.bundled(), permissions);
            assertThat(paths).isEqualTo(EscalationMatch.direct(EscalationCatalog.bundled(), permissions));
            withPaths += paths.isEmpty() ? 0 : 1;
            principals++;
        }
        for (String text : documents) {
            PolicyDocument doc = PolicySource.parse(text).orElseThrow();
            for (RiskClass risk : RiskClass.values()) {
                assertThat(PolicyRiskActions.of(risk, doc, CATALOG)).as(text)
                        .isEqualTo(Reference.policyRiskActions(risk, doc));
            }
        }
        // the generated data exercises both answers, not only empty ones
        assertThat(principals).isEqualTo(80);
        assertThat(withRisk).isGreaterThan(25);
        assertThat(withPaths).isGreaterThan(5);
    }

    @Test
    void lookAlikesDoNotShareCachedAnswers() {
        String iam = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"iam:*\"],\"Resource\":\"*\"}]}";
        String allButIam = iam.replace("\"Action\"", "\"NotAction\"");
        String s3Only = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
        RiskClass risk = RiskClass.RESOURCE_EXPOSURE;

        List<String> granted = RiskActions.held(risk, permissions(iam, null), CATALOG);
        List<String> allBut = RiskActions.held(risk, permissions(allButIam, null), CATALOG);
        List<String> capped = RiskActions.held(risk, permissions(new String(iam), s3Only), CATALOG);

        assertThat(granted).contains("iam:PutRolePolicy").allMatch(a -> a.startsWith("iam:"));
        assertThat(allBut).contains("s3:PutBucketPolicy").noneMatch(a -> a.startsWith("iam:"));
        assertThat(capped).isEmpty();
        PolicyDocument doc = PolicySource.parse(allButIam).orElseThrow();
        assertThat(allBut).containsExactlyElementsOf(Reference.riskActions(risk, List.of(doc), List.of(doc),
                Optional.empty()));
    }

    private static PrincipalPermissions permissions(String document, String boundary) {
        return PrincipalPermissions.of(new EffectivePolicies(List.of(new PolicySource("p", null,
                PolicySource.Attachment.INLINE, null, document, null)), List.of()), boundary);
    }

    @Test
    void actionUsageDescribesAsTheFullUsageDid() {
        Random rnd = new Random(7);
        List<String> namespaces = List.of("s3", "S3", "iam", "ec2", "kms", "sqs");
        for (int p = 0; p < 200; p++) {
            List<ServiceLastAccessed> services = new ArrayList<>();
            for (int s = 0, n = rnd.nextInt(6); s < n; s++) {
                String ns = namespaces.get(rnd.nextInt(namespaces.size()));
                List<ServiceLastAccessed.ActionLastAccessed> tracked = new ArrayList<>();
                for (int a = 0, m = rnd.nextInt(4); a < m; a++) {
                    String name = List.of("GetObject", "PutObject", "ListUsers", "s3:GetObject", "CreateKey")
                            .get(rnd.nextInt(5));
                    tracked.add(new ServiceLastAccessed.ActionLastAccessed(name, time(rnd), null));
                }
                services.add(new ServiceLastAccessed(ns, ns, time(rnd), null, tracked));
            }
            PrincipalLastAccessed report = new PrincipalLastAccessed("arn:aws:iam::1:role/r" + p, services,
                    rnd.nextInt(10) == 0 ? "AccessDenied" : null);
            ActionUsage usage = ActionUsage.of(Optional.of(report), WINDOW_START);
            for (String action : List.of("s3:GetObject", "S3:getobject", "s3:PutObject", "s3:DeleteBucket",
                    "iam:ListUsers", "ec2:RunInstances", "kms:CreateKey", "sqs:SendMessage", "lambda:Invoke")) {
                assertThat(usage.describe(action)).as(action).isEqualTo(Reference.describe(report, action));
            }
        }
        assertThat(ActionUsage.of(Optional.empty(), WINDOW_START).describe("s3:GetObject")).isEqualTo("usage unknown");
    }

    private static Instant time(Random rnd) {
        return rnd.nextInt(4) == 0 ? null : WINDOW_START.plusSeconds((rnd.nextInt(200) - 100) * 86_400L);
    }

    private static List<String> probes(Random rnd, List<String> services) {
        List<String> out = new ArrayList<>(List.of("iam:PassRole", "IAM:passrole", "s3:GetObject", "sts:AssumeRole",
                "lambda:CreateFunction", "made-up:DoThing"));
        for (int i = 0; i < 10; i++) {
            List<String> actions = CATALOG.actionsOf(services.get(rnd.nextInt(services.size())));
            out.add(actions.get(rnd.nextInt(actions.size())));
        }
        return out;
    }

    /** One generated policy document: 1 to 4 statements of assorted shapes. */
    private static String document(Random rnd, List<String> services) {
        List<String> statements = new ArrayList<>();
        for (int s = 0, n = 1 + rnd.nextInt(4); s < n; s++) {
            boolean allow = rnd.nextInt(5) != 0;
            boolean notAction = rnd.nextInt(12) == 0;
            List<String> actions = new ArrayList<>();
            for (int a = 0, m = 1 + rnd.nextInt(4); a < m; a++) {
                actions.add(pattern(rnd, services));
            }
            String resource = switch (rnd.nextInt(5)) {
                case 0 -> "\"Resource\":\"arn:aws:s3:::bucket/key\"";
                case 1 -> "\"Resource\":\"arn:aws:iam::*:role/*\"";
                case 2 -> "\"NotResource\":\"arn:aws:s3:::secret/*\"";
                default -> "\"Resource\":\"*\"";
            };
            String condition = rnd.nextInt(5) == 0
                    ? ",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}" : "";
            statements.add("{\"Effect\":\"" + (allow ? "Allow" : "Deny") + "\",\"" + (notAction ? "NotAction"
                    : "Action") + "\":[\"" + String.join("\",\"", actions) + "\"]," + resource + condition + "}");
        }
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    private static String pattern(Random rnd, List<String> services) {
        String service = services.get(rnd.nextInt(services.size()));
        List<String> actions = CATALOG.actionsOf(service);
        String action = actions.get(rnd.nextInt(actions.size()));
        return switch (rnd.nextInt(12)) {
            case 0 -> rnd.nextInt(12) == 0 ? "*" : service + ":*";
            case 1 -> service + ":Get*";
            case 2 -> service + ":*Key*";
            case 3 -> action.toUpperCase(Locale.ROOT);
            case 4 -> service + ":NoSuchAction";
            case 5 -> service + ":Describe?????";
            case 6 -> rnd.nextInt(4) == 0 ? "iam*" : service + ":List*";
            case 7 -> service + ":Put*";
            default -> action;
        };
    }

    /** The algorithms as they were before memoization, verbatim where they computed an answer. */
    private static final class Reference {
        private static final Pattern ANY_OF_A_KIND =
                Pattern.compile("arn:[^:]*:[^:]*:[^:]*:[^:]*:(\\*|[A-Za-z-]+[/:]\\*)");

        static Set<String> riskActions(RiskClass risk, List<PolicyDocument> docs, List<PolicyDocument> identity,
                                       Optional<PolicyDocument> boundary) {
            Set<String> out = new TreeSet<>();
            for (PolicyDocument doc : docs) {
                for (Statement st : doc.allows()) {
                    if (!st.allResources()) {
                        continue;
                    }
                    for (String action : RiskActions.candidates(st, CATALOG)) {
                        if (risk.includes(action, CATALOG) && grant(identity, boundary, action)
                                .map(ActionGrant::everyResource).orElse(false)) {
                            out.add(CATALOG.canonical(action));
                        }
                    }
                }
            }
            return out;
        }

        static Set<String> policyRiskActions(RiskClass risk, PolicyDocument doc) {
            Set<String> out = new TreeSet<>();
            List<Statement> denials = doc.statements().stream()
                    .filter(st -> !st.allow() && st.allResources() && !st.hasCondition()).toList();
            for (Statement st : doc.allows()) {
                if (!st.allResources()) {
                    continue;
                }
                for (String action : RiskActions.candidates(st, CATALOG)) {
                    if (risk.includes(action, CATALOG) && denials.stream().noneMatch(d -> d.coversAction(action))) {
                        out.add(CATALOG.canonical(action));
                    }
                }
            }
            return out;
        }

        static Optional<ActionGrant> grant(List<PolicyDocument> identity, Optional<PolicyDocument> boundary,
                                           String action) {
            Optional<ActionGrant> fromIdentity = grantIn(identity, action);
            if (fromIdentity.isEmpty() || boundary.isEmpty()) {
                return fromIdentity;
            }
            Optional<ActionGrant> fromBoundary = grantIn(List.of(boundary.get()), action);
            if (fromBoundary.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(fromIdentity.get().everyResource() ? fromBoundary.get() : fromIdentity.get());
        }

        private static Optional<ActionGrant> grantIn(List<PolicyDocument> docs, String action) {
            boolean denied = docs.stream().flatMap(d -> d.denies().stream())
                    .anyMatch(s -> s.coversAction(action) && s.allResources() && !s.hasCondition());
            if (denied) {
                return Optional.empty();
            }
            List<Statement> allows = docs.stream().flatMap(d -> d.allows().stream())
                    .filter(s -> s.coversAction(action)).toList();
            if (allows.isEmpty()) {
                return Optional.empty();
            }
            if (allows.stream().anyMatch(s -> s.notResource() || s.resources().stream()
                    .anyMatch(r -> "*".equals(r) || ANY_OF_A_KIND.matcher(r).matches()))) {
                return Optional.of(new ActionGrant(action, true, List.of("*")));
            }
            Set<String> resources = new LinkedHashSet<>();
            allows.forEach(s -> resources.addAll(s.resources()));
            return Optional.of(new ActionGrant(action, false, List.copyOf(resources)));
        }

        static String describe(PrincipalLastAccessed report, String action) {
            if (report.error() != null) {
                return "usage unknown";
            }
            Usage usage = Usage.of(report, WINDOW_START);
            String namespace = action.substring(0, action.indexOf(':'));
            Optional<Usage.ServiceUse> service = usage.service(namespace);
            if (service.isEmpty()) {
                return "not used";
            }
            if (service.get().tracked()) {
                Optional<Instant> last = service.get().actions().getOrDefault(action.toLowerCase(Locale.ROOT),
                        Optional.empty());
                if (service.get().actions().containsKey(action.toLowerCase(Locale.ROOT))) {
                    return usage.used(last.orElse(null)) ? "used in the window" : "not used";
                }
            }
            return usage.used(service.get().lastAuthenticated()) ? "service used in the window" : "not used";
        }
    }
}

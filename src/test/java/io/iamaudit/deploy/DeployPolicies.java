package io.iamaudit.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.policy.ActionPattern;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.policy.Statement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The deployment kit's policies as the tests see them: scripts/deploy/required-actions.txt, runner-policy.json with
 * its placeholders filled, and the policies of runner-role.yaml and audit-role-stackset.yaml rendered for sample
 * parameters; plus the checks every policy must pass, as functions returning violations so a test can also show
 * they catch a bad policy.
 */
final class DeployPolicies {

    static final Path DEPLOY = Path.of("scripts", "deploy");
    static final String BUCKET = "example-reports";
    static final String PREFIX = "iam-audit";
    static final String KMS_KEY = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String RUNNER_ARN = "arn:aws:iam::111111111111:role/IamAuditRunner";
    static final String EXTERNAL_ID = "iam-audit-4f1c2e";
    static final String ORG_ID = "o-a1b2c3d4e5";
    static final String KMS_SID = "UseTheReportKeyThroughS3OnlyWhenSseKms";
    static final String SECURITY_HUB_SID = "ImportFindingsIntoSecurityHubOnlyWithSecurityHubOption";

    /** Verbs that change IAM; the audit only reads (and generates reports, which changes nothing). */
    static final List<String> IAM_WRITE_VERBS = List.of("Create", "Put", "Attach", "Delete", "Update", "Detach",
            "Add", "Remove", "Tag", "Untag", "Upload", "Set", "Pass", "Change", "Enable", "Deactivate", "Reset",
            "Resync", "Simulate");

    private DeployPolicies() {
    }

    /** One line of required-actions.txt. */
    record Requirement(String operation, String iamAction, Set<String> grantedBy, String when) {

        boolean appliesTo(String policy, boolean sseKms) {
            return appliesTo(policy, sseKms, false);
        }

        /** @param securityHub whether the deployment allows the optional Security Hub import */
        boolean appliesTo(String policy, boolean sseKms, boolean securityHub) {
            return grantedBy.contains(policy) && (!"sse-kms".equals(when) || sseKms)
                    && (!"security-hub".equals(when) || securityHub);
        }
    }

    static List<Requirement> requirements() {
        List<Requirement> out = new ArrayList<>();
        for (String line : lines(DEPLOY.resolve("required-actions.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length != 4) {
                throw new IllegalStateException("required-actions.txt: 4 tab-separated columns expected: " + line);
            }
            out.add(new Requirement(cols[0], cols[1], new LinkedHashSet<>(List.of(cols[2].split(","))), cols[3]));
        }
        return out;
    }

    /** The IAM actions a policy must grant, exactly. */
    static Set<String> requiredActions(String policy, boolean sseKms) {
        return requiredActions(policy, sseKms, false);
    }

    static Set<String> requiredActions(String policy, boolean sseKms, boolean securityHub) {
        return requirements().stream().filter(r -> r.appliesTo(policy, sseKms, securityHub))
                .map(Requirement::iamAction).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** runner-policy.json as an operator fills it in; for SSE-S3 the KMS statement is deleted, as documented. */
    static PolicyDocument runnerJson(boolean sseKms) {
        return runnerJson(sseKms, false);
    }

    /** As {@link #runnerJson(boolean)}; without the Security Hub import its statement is deleted, as documented. */
    static PolicyDocument runnerJson(boolean sseKms, boolean securityHub) {
        String text = read(DEPLOY.resolve("runner-policy.json"))
                .replace("REPORT_BUCKET", BUCKET)
                .replace("REPORT_PREFIX", PREFIX)
                .replace("REPORT_KMS_KEY_ARN", KMS_KEY);
        PolicyDocument doc = PolicyDocument.parse(text);
        doc.json().withArray("Statement").removeIf(s -> !sseKms && KMS_SID.equals(s.path("Sid").asText())
                || !securityHub && SECURITY_HUB_SID.equals(s.path("Sid").asText()));
        return PolicyDocument.parse(doc.json().toString());
    }

    static CfnTemplate.Rendered runnerStack(boolean sseKms) {
        return runnerStack(sseKms, false);
    }

    static CfnTemplate.Rendered runnerStack(boolean sseKms, boolean securityHub) {
        return template("runner-role.yaml").render(Map.of("ReportBucket", BUCKET, "ReportPrefix", PREFIX,
                "ReportKmsKeyArn", sseKms ? KMS_KEY : "", "ImportFindingsToSecurityHub", String.valueOf(securityHub)));
    }

    static PolicyDocument runnerYaml(boolean sseKms) {
        return runnerYaml(sseKms, false);
    }

    static PolicyDocument runnerYaml(boolean sseKms, boolean securityHub) {
        JsonNode policies = runnerStack(sseKms, securityHub).resource("RunnerRole").path("Properties")
                .path("Policies");
        return PolicyDocument.parse(single(policies).path("PolicyDocument").toString());
    }

    static CfnTemplate.Rendered auditStack() {
        return auditStack(false);
    }

    static CfnTemplate.Rendered auditStack(boolean securityHub) {
        return template("audit-role-stackset.yaml").render(Map.of("RunnerRoleArn", RUNNER_ARN,
                "ExternalId", EXTERNAL_ID, "OrganizationId", ORG_ID,
                "ImportFindingsToSecurityHub", String.valueOf(securityHub)));
    }

    static PolicyDocument auditPermissions() {
        return auditPermissions(false);
    }

    static PolicyDocument auditPermissions(boolean securityHub) {
        JsonNode policies = auditStack(securityHub).resource("AuditRole").path("Properties").path("Policies");
        return PolicyDocument.parse(single(policies).path("PolicyDocument").toString());
    }

    static PolicyDocument auditTrust() {
        return PolicyDocument.parse(
                auditStack().resource("AuditRole").path("Properties").path("AssumeRolePolicyDocument").toString());
    }

    static CfnTemplate template(String name) {
        try {
            return CfnTemplate.load(DEPLOY.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Concrete actions an Allow statement grants, its wildcards expanded through the bundled catalog. */
    static Set<String> granted(PolicyDocument doc) {
        Set<String> out = new LinkedHashSet<>();
        for (Statement s : doc.allows()) {
            for (ActionPattern p : s.actions()) {
                out.addAll(ActionCatalog.bundled().expand(p));
            }
        }
        return out;
    }

    /** Whether some Allow statement grants {@code action} on {@code resource} (null: on any resource it names). */
    static boolean grants(PolicyDocument doc, String action, String resource) {
        return doc.allows().stream().anyMatch(s -> s.coversAction(action)
                && !s.resources().isEmpty()
                && (resource == null || s.resources().stream().anyMatch(r -> arnMatches(r, resource))));
    }

    /** A resource of the kind the tool touches with this action, to check resource scoping. */
    static String sampleResource(String iamAction) {
        return switch (iamAction.toLowerCase(Locale.ROOT)) {
            case "s3:listbucket" -> "arn:aws:s3:::" + BUCKET;
            case "s3:putobject", "s3:getobject", "s3:abortmultipartupload" ->
                    "arn:aws:s3:::" + BUCKET + "/" + PREFIX + "/2026-11-28/org-audit.xlsx";
            case "sts:assumerole", "sts:setsourceidentity" -> "arn:aws:iam::222222222222:role/IamAuditRole";
            case "kms:generatedatakey", "kms:decrypt" -> KMS_KEY;
            default -> null;
        };
    }

    /** Everything a deployment policy must not do; empty when the policy is acceptable. */
    static List<String> violations(PolicyDocument doc, Set<String> allowedActions) {
        List<String> out = new ArrayList<>();
        for (Statement s : doc.statements()) {
            String where = "statement " + (s.sid() == null ? "?" : s.sid()) + ": ";
            if (!s.allow()) {
                continue;
            }
            if (s.notAction()) {
                out.add(where + "Allow with NotAction");
            }
            if (s.notResource()) {
                out.add(where + "Allow with NotResource");
            }
            for (ActionPattern p : s.actions()) {
                if (p.hasWildcard()) {
                    out.add(where + "wildcard action " + p.text());
                }
                for (String action : ActionCatalog.bundled().expand(p)) {
                    if (allowedActions.stream().noneMatch(action::equalsIgnoreCase)) {
                        out.add(where + "grants " + action + ", which required-actions.txt does not list");
                    }
                    if (isIamWrite(action)) {
                        out.add(where + "grants IAM write action " + action);
                    }
                }
            }
            boolean touchesS3 = s.actions().stream().anyMatch(p -> "s3".equals(p.service()) || "*".equals(p.service()));
            if (touchesS3) {
                for (String r : s.resources()) {
                    if (r.equals("*") || !r.startsWith("arn:aws:s3:::" + BUCKET)) {
                        out.add(where + "S3 action on " + r + ", outside the report bucket");
                    } else if (r.startsWith("arn:aws:s3:::" + BUCKET + "/")
                            && !r.startsWith("arn:aws:s3:::" + BUCKET + "/" + PREFIX + "/")) {
                        out.add(where + "S3 object resource " + r + " outside the report prefix");
                    }
                }
            }
        }
        return out;
    }

    static boolean isIamWrite(String action) {
        int colon = action.indexOf(':');
        if (!action.substring(0, colon).equalsIgnoreCase("iam")) {
            return false;
        }
        String name = action.substring(colon + 1);
        return IAM_WRITE_VERBS.stream().anyMatch(v -> name.regionMatches(true, 0, v, 0, v.length()));
    }

    /** IAM's ARN matching: {@code *} any run of characters, {@code ?} one, case-sensitive. */
    static boolean arnMatches(String pattern, String arn) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            re.append(switch (c) {
                case '*' -> ".*";
                case '?' -> ".";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        return arn.matches(re.toString());
    }

    static JsonNode single(JsonNode array) {
        if (array.size() != 1) {
            throw new IllegalStateException("expected exactly one policy, found " + array.size());
        }
        return array.get(0);
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(Path path) {
        try {
            return Files.readAllLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

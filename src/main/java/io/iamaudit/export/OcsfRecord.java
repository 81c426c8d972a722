package io.iamaudit.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamaudit.json.Mappers;
import io.iamaudit.stage.Finding;

import java.util.List;

/**
 * One finding as an OCSF 1.6.0 Compliance Finding (class 2003): a rule is a check against the controls of CIS, Security
 * Hub and Well-Architected, which is what that class describes ({@code compliance} is required there), rather than a
 * detection of activity (Detection Finding, 2004, which Prowler emits). The cloud profile is applied.
 */
public final class OcsfRecord {
    public static final String SCHEMA_VERSION = "1.6.0";
    public static final int CLASS_UID = 2003;
    public static final int CATEGORY_UID = 2;

    private static final ObjectMapper MAPPER = Mappers.compact();

    private final String toolVersion;

    public OcsfRecord(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    public ObjectNode of(FindingFacts facts) {
        Finding f = facts.finding();
        ObjectNode e = MAPPER.createObjectNode();
        // Create the first time a run reports it, Update on every later run
        int activity = facts.firstSeen().equals(facts.lastSeen()) ? 1 : 2;
        e.put("activity_id", activity);
        e.put("activity_name", activity == 1 ? "Create" : "Update");
        e.put("category_uid", CATEGORY_UID);
        e.put("category_name", "Findings");
        e.put("class_uid", CLASS_UID);
        e.put("class_name", "Compliance Finding");
        e.put("type_uid", (long) CLASS_UID * 100 + activity);
        e.put("type_name", "Compliance Finding: " + (activity == 1 ? "Create" : "Update"));
        e.put("severity_id", SeverityMapping.ocsfId(f.severity()));
        e.put("severity", SeverityMapping.ocsfCaption(f.severity()));
        e.put("time", facts.lastSeen().toEpochMilli());
        e.put("message", facts.title());
        status(e, facts);
        e.set("metadata", metadata(facts));
        e.set("finding_info", findingInfo(facts));
        e.set("compliance", compliance(facts));
        e.set("cloud", cloud(facts));
        e.set("resources", MAPPER.createArrayNode().add(resource(facts)));
        if (facts.remediation() != null) {
            ObjectNode remediation = e.putObject("remediation");
            remediation.put("desc", facts.remediation());
        }
        return e;
    }

    /** Excepted: Suppressed with the exception's note; otherwise New (nobody has triaged it in our tool). */
    private static void status(ObjectNode e, FindingFacts facts) {
        if (facts.excepted()) {
            e.put("status_id", 3);
            e.put("status", "Suppressed");
            e.put("status_detail", facts.exceptionText());
        } else {
            e.put("status_id", 1);
            e.put("status", "New");
        }
    }

    private ObjectNode metadata(FindingFacts facts) {
        ObjectNode m = MAPPER.createObjectNode();
        m.put("version", SCHEMA_VERSION);
        m.set("profiles", MAPPER.createArrayNode().add("cloud"));
        ObjectNode product = m.putObject("product");
        product.put("name", "iam-audit");
        product.put("vendor_name", "iam-audit");
        product.put("version", toolVersion);
        m.put("event_code", facts.finding().ruleId());
        m.put("uid", facts.finding().runId() + "/" + facts.finding().findingId());
        return m;
    }

    private static ObjectNode findingInfo(FindingFacts facts) {
        Finding f = facts.finding();
        ObjectNode i = MAPPER.createObjectNode();
        i.put("uid", f.findingId());
        i.put("title", facts.title());
        i.put("desc", facts.description());
        i.set("types", MAPPER.createArrayNode().add("IAM").add(f.ruleId()));
        i.put("first_seen_time", facts.firstSeen().toEpochMilli());
        i.put("last_seen_time", facts.lastSeen().toEpochMilli());
        i.put("created_time", facts.firstSeen().toEpochMilli());
        i.put("modified_time", facts.lastSeen().toEpochMilli());
        ObjectNode analytic = i.putObject("analytic");
        analytic.put("uid", f.ruleId());
        analytic.put("name", f.title());
        analytic.put("type_id", 1);
        analytic.put("type", "Rule");
        return i;
    }

    /** Fail for FAIL and EXCEPTED (the control fails either way); Warning, "missing information", for NOT_EVALUATED. */
    private static ObjectNode compliance(FindingFacts facts) {
        ObjectNode c = MAPPER.createObjectNode();
        c.put("control", facts.finding().ruleId());
        c.set("standards", strings(facts.compliance().standards()));
        c.set("requirements", strings(facts.compliance().requirements()));
        if (facts.notEvaluated()) {
            c.put("status_id", 2);
            c.put("status", "Warning");
            c.put("status_detail", "Not evaluated: the data this rule reads was not collected");
        } else {
            c.put("status_id", 3);
            c.put("status", "Fail");
        }
        return c;
    }

    private static ObjectNode cloud(FindingFacts facts) {
        Finding f = facts.finding();
        ObjectNode c = MAPPER.createObjectNode();
        c.put("provider", "AWS");
        c.put("cloud_partition", facts.partition());
        ObjectNode account = c.putObject("account");
        account.put("uid", f.accountId());
        if (f.accountName() != null) {
            account.put("name", f.accountName());
        }
        account.put("type_id", 10);
        account.put("type", "AWS Account");
        if (facts.organizationId() != null || f.ouPath() != null) {
            ObjectNode org = c.putObject("org");
            if (facts.organizationId() != null) {
                org.put("uid", facts.organizationId());
            }
            if (f.ouPath() != null) {
                org.put("ou_name", f.ouPath());
            }
        }
        return c;
    }

    private static ObjectNode resource(FindingFacts facts) {
        ObjectNode r = MAPPER.createObjectNode();
        r.put("uid", facts.resourceId());
        r.put("name", facts.resourceName());
        r.put("type", facts.resourceType());
        r.put("cloud_partition", facts.partition());
        return r;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = MAPPER.createArrayNode();
        values.forEach(a::add);
        return a;
    }
}

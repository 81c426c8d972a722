package io.iamaudit.export;

import io.iamaudit.stage.Finding;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.Compliance;
import software.amazon.awssdk.services.securityhub.model.ComplianceStatus;
import software.amazon.awssdk.services.securityhub.model.FindingProviderFields;
import software.amazon.awssdk.services.securityhub.model.FindingProviderSeverity;
import software.amazon.awssdk.services.securityhub.model.Note;
import software.amazon.awssdk.services.securityhub.model.Recommendation;
import software.amazon.awssdk.services.securityhub.model.RecordState;
import software.amazon.awssdk.services.securityhub.model.Remediation;
import software.amazon.awssdk.services.securityhub.model.Resource;
import software.amazon.awssdk.services.securityhub.model.Severity;
import software.amazon.awssdk.services.securityhub.model.Workflow;
import software.amazon.awssdk.services.securityhub.model.WorkflowStatus;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One finding in the AWS Security Finding Format, built with Security Hub's own model classes. The product is each
 * account's default custom-integration product ({@code product/ACCOUNT/default}): AWS accepts findings under it only
 * from the account they are about (docs/exports.md).
 */
public final class AsffRecord {
    public static final String SCHEMA_VERSION = "2018-10-08";
    public static final String GENERATOR_PREFIX = "iam-audit/";
    /** Security Hub's limits: Title 256 characters, Description, Note.Text and Recommendation.Text 1024/512. */
    private static final int TITLE_MAX = 256;
    private static final int DESCRIPTION_MAX = 1024;
    private static final int NOTE_MAX = 512;
    private static final int RELATED_REQUIREMENTS_MAX = 32;

    private final String region;

    public AsffRecord(String region) {
        this.region = region;
    }

    public static String productArn(String partition, String region, String accountId) {
        return "arn:" + partition + ":securityhub:" + region + ":" + accountId + ":product/" + accountId + "/default";
    }

    public AwsSecurityFinding of(FindingFacts facts) {
        Finding f = facts.finding();
        String label = SeverityMapping.asffLabel(f.severity());
        List<String> types = types(facts);
        AwsSecurityFinding.Builder b = AwsSecurityFinding.builder()
                .schemaVersion(SCHEMA_VERSION)
                .id(f.findingId())
                .productArn(productArn(facts.partition(), region, f.accountId()))
                .productName("iam-audit")
                .companyName("iam-audit")
                .region(region)
                .generatorId(GENERATOR_PREFIX + f.ruleId())
                .awsAccountId(f.accountId())
                .awsAccountName(f.accountName())
                .types(types)
                .firstObservedAt(time(facts.firstSeen()))
                .lastObservedAt(time(facts.lastSeen()))
                .createdAt(time(facts.firstSeen()))
                .updatedAt(time(facts.lastSeen()))
                .severity(Severity.builder().label(label).original(label).build())
                .findingProviderFields(FindingProviderFields.builder().types(types)
                        .severity(FindingProviderSeverity.builder().label(label).original(label).build()).build())
                .title(cut(facts.title(), TITLE_MAX))
                .description(cut(facts.description(), DESCRIPTION_MAX))
                .resources(Resource.builder().type(facts.resourceType()).id(facts.resourceId())
                        .partition(facts.partition()).region(region).build())
                .compliance(Compliance.builder()
                        .status(facts.notEvaluated() ? ComplianceStatus.NOT_AVAILABLE : ComplianceStatus.FAILED)
                        .relatedRequirements(facts.compliance().requirements().stream()
                                .limit(RELATED_REQUIREMENTS_MAX).toList())
                        .build())
                .productFields(productFields(facts))
                .recordState(RecordState.ACTIVE);
        if (facts.remediation() != null) {
            b.remediation(Remediation.builder().recommendation(Recommendation.builder()
                    .text(cut(facts.remediation(), DESCRIPTION_MAX)).build()).build());
        }
        if (facts.excepted()) {
            b.workflow(Workflow.builder().status(WorkflowStatus.SUPPRESSED).build());
            b.note(Note.builder().text(cut(facts.exceptionText(), NOTE_MAX)).updatedBy("iam-audit exceptions file")
                    .updatedAt(time(facts.lastSeen())).build());
        } else {
            b.workflow(Workflow.builder().status(WorkflowStatus.NEW).build());
        }
        return b.build();
    }

    /**
     * A finding a later run no longer reports, to archive in Security Hub: the same identity (id, product, generator,
     * account) as imported before, so Security Hub updates that finding, with RecordState ARCHIVED and compliance
     * PASSED. It must carry every required field again; the ledger keeps no resource ARN, so its resource is the
     * account (docs/exports.md). Workflow and Note are left out: once a finding exists they are the customer's, and
     * AWS ignores a provider's update of them.
     */
    public AwsSecurityFinding resolved(FindingFacts facts, Instant resolvedAt) {
        return of(facts).toBuilder()
                .recordState(RecordState.ARCHIVED)
                .updatedAt(time(resolvedAt))
                .compliance(Compliance.builder().status(ComplianceStatus.PASSED)
                        .relatedRequirements(facts.compliance().requirements().stream()
                                .limit(RELATED_REQUIREMENTS_MAX).toList()).build())
                .workflow((Workflow) null)
                .note((Note) null)
                .build();
    }

    private static List<String> types(FindingFacts facts) {
        boolean cis = facts.compliance().references().stream()
                .anyMatch(r -> r.standard().startsWith(ComplianceRefs.CIS));
        return List.of(cis ? "Software and Configuration Checks/Industry and Regulatory Standards/"
                + "CIS AWS Foundations Benchmark" : "Software and Configuration Checks/AWS Security Best Practices");
    }

    private static Map<String, String> productFields(FindingFacts facts) {
        Finding f = facts.finding();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("iam-audit/RuleId", f.ruleId());
        m.put("iam-audit/Status", f.status().name());
        m.put("iam-audit/RunId", f.runId());
        put(m, "iam-audit/SecurityHubControls", String.join(", ", refs(facts, ComplianceRefs.SECURITY_HUB)));
        put(m, "iam-audit/WellArchitected", String.join(", ", refs(facts, ComplianceRefs.WELL_ARCHITECTED)));
        put(m, "iam-audit/Cis", f.cis());
        put(m, "iam-audit/OuPath", f.ouPath());
        return m;
    }

    private static List<String> refs(FindingFacts facts, String standard) {
        return facts.compliance().references().stream().filter(r -> r.standard().equals(standard))
                .map(ComplianceRefs.Reference::control).toList();
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value);
        }
    }

    static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return null;
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}

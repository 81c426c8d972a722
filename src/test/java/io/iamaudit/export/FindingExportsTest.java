package io.iamaudit.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamaudit.report.InMemoryStagingRepository;
import io.iamaudit.report.ReportFile;
import io.iamaudit.stage.AuditRun;
import io.iamaudit.stage.Finding;
import io.iamaudit.stage.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FindingExportsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant STARTED = Instant.parse("2026-12-01T02:00:00Z");
    private static final Instant FIRST = Instant.parse("2026-11-03T02:00:00Z");
    private static final AuditRun RUN = new AuditRun("run-1", "org-audit", STARTED, "o-abc123", "111111111111",
            "arn:aws:iam::111111111111:role/runner", Map.of(), AuditRun.Status.ANALYZED);
    private static final OcsfSchema OCSF = new OcsfSchema(OcsfRecord.SCHEMA_VERSION);
    private static final AsffModel ASFF = new AsffModel();

    private static Finding finding(String id, String rule, Finding.Status status, String note) {
        return new Finding(id, "run-1", "444444444444", "prod", "Root/Workloads", "User", "ops-jane",
                "arn:aws:iam::444444444444:user/ops-jane", rule, "Console user without MFA", Severity.HIGH, status,
                List.of("SEC02-BP01"), "v3.0 1.10", "IAM.5", "console password, no MFA device", "Enable MFA", FIRST,
                note == null ? null : "security-team", note == null ? null : LocalDate.parse("2027-03-31"), note);
    }

    private final FindingFacts.Factory facts = FindingFacts.Factory.standard();
    private final OcsfRecord ocsf = new OcsfRecord("test");
    private final AsffRecord asff = new AsffRecord("eu-west-1");

    @Test
    void aFailedFindingIsAValidComplianceFindingWithItsFrameworksAndTimes() {
        ObjectNode e = ocsf.of(facts.of(finding("f1", "IAM.USER.CONSOLE_MFA", Finding.Status.FAIL, null), RUN));

        assertThat(OCSF.validate("findings/compliance_finding", e)).isEmpty();
        assertThat(e.get("class_uid").asInt()).isEqualTo(2003);
        assertThat(e.at("/finding_info/uid").asText()).isEqualTo("f1");
        assertThat(e.at("/severity_id").asInt()).isEqualTo(4);
        assertThat(e.at("/status").asText()).isEqualTo("New");
        assertThat(e.at("/compliance/status").asText()).isEqualTo("Fail");
        assertThat(e.at("/compliance/requirements").toString()).contains("AWS Security Hub/IAM.5",
                "AWS Well-Architected Framework/SEC02-BP01", "CIS AWS Foundations Benchmark v");
        assertThat(e.at("/finding_info/first_seen_time").asLong()).isEqualTo(FIRST.toEpochMilli());
        assertThat(e.at("/finding_info/last_seen_time").asLong()).isEqualTo(STARTED.toEpochMilli());
        assertThat(e.at("/activity_name").asText()).isEqualTo("Update");
        assertThat(e.at("/resources/0/uid").asText()).isEqualTo("arn:aws:iam::444444444444:user/ops-jane");
        assertThat(e.at("/cloud/account/uid").asText()).isEqualTo("444444444444");
        assertThat(e.at("/remediation/desc").asText()).isEqualTo("Enable MFA");
    }

    @Test
    void anExceptedFindingIsSuppressedWithTheExceptionNoteAndANotEvaluatedOneIsAWarning() {
        ObjectNode excepted = ocsf.of(facts.of(finding("f2", "IAM.USER.CONSOLE_MFA", Finding.Status.EXCEPTED,
                "break-glass user, MFA in the safe"), RUN));
        ObjectNode notEvaluated = ocsf.of(facts.of(finding("f3", "IAM.USER.CONSOLE_MFA",
                Finding.Status.NOT_EVALUATED, null), RUN));

        assertThat(OCSF.validate("findings/compliance_finding", excepted)).isEmpty();
        assertThat(OCSF.validate("findings/compliance_finding", notEvaluated)).isEmpty();
        assertThat(excepted.at("/status_id").asInt()).isEqualTo(3);
        assertThat(excepted.at("/status_detail").asText()).contains("break-glass user", "security-team",
                "2027-03-31");
        assertThat(excepted.at("/compliance/status").asText()).isEqualTo("Fail");
        assertThat(notEvaluated.at("/compliance/status").asText()).isEqualTo("Warning");
        assertThat(notEvaluated.at("/status").asText()).isEqualTo("New");
    }

    @Test
    void theValidatorRejectsWhatTheSchemaDoesNotAllow() {
        ObjectNode e = ocsf.of(facts.of(finding("f1", "IAM.USER.CONSOLE_MFA", Finding.Status.FAIL, null), RUN));
        ((ObjectNode) e.get("finding_info")).remove("uid");
        e.put("severity", "Severe");
        e.put("rule_weight", 1);
        e.put("class_uid", 2004);
        ((ObjectNode) e.get("compliance")).put("status_id", 7);
        ((ObjectNode) e.get("cloud")).remove("provider");
        e.put("time", "yesterday");

        assertThat(OCSF.validate("findings/compliance_finding", e)).containsExactlyInAnyOrder(
                "finding_info.uid: required attribute missing",
                "severity_id: caption \"Severe\" in severity is not the enum's 'High'",
                "rule_weight: not an attribute of this class or object",
                "class_uid: 2004 is not 2003",
                "type_uid: 200302 is not class_uid * 100 + activity_id = 200402",
                "compliance.status_id: 7 is not one of [0, 1, 2, 99, 3]",
                "cloud.provider: required attribute missing",
                "time: STRING is not a timestamp_t");
    }

    @Test
    void asffRecordsCarryEveryRequiredFieldAndOnlyFieldsOfTheModel() throws IOException {
        JsonNode failed = asffJson(finding("f1", "IAM.USER.CONSOLE_MFA", Finding.Status.FAIL, null));
        JsonNode excepted = asffJson(finding("f2", "IAM.USER.CONSOLE_MFA", Finding.Status.EXCEPTED, "accepted"));

        assertThat(ASFF.validate(failed)).isEmpty();
        assertThat(ASFF.validate(excepted)).isEmpty();
        assertThat(failed.get("Id").asText()).isEqualTo("f1");
        assertThat(failed.get("ProductArn").asText())
                .isEqualTo("arn:aws:securityhub:eu-west-1:444444444444:product/444444444444/default");
        assertThat(failed.get("GeneratorId").asText()).isEqualTo("iam-audit/IAM.USER.CONSOLE_MFA");
        assertThat(failed.at("/Severity/Label").asText()).isEqualTo("HIGH");
        assertThat(failed.at("/Resources/0/Type").asText()).isEqualTo("AwsIamUser");
        assertThat(failed.get("CreatedAt").asText()).isEqualTo("2026-11-03T02:00:00Z");
        assertThat(failed.get("LastObservedAt").asText()).isEqualTo("2026-12-01T02:00:00Z");
        assertThat(failed.at("/Compliance/Status").asText()).isEqualTo("FAILED");
        assertThat(failed.at("/Compliance/RelatedRequirements").toString()).contains("AWS Security Hub/IAM.5");
        assertThat(failed.at("/Workflow/Status").asText()).isEqualTo("NEW");
        assertThat(excepted.at("/Workflow/Status").asText()).isEqualTo("SUPPRESSED");
        assertThat(excepted.at("/Note/Text").asText()).contains("accepted", "security-team");
    }

    @Test
    void theModelCheckRejectsAFieldNameTheApiDoesNotHave() throws IOException {
        ObjectNode bad = (ObjectNode) asffJson(finding("f1", "IAM.USER.CONSOLE_MFA", Finding.Status.FAIL, null));
        bad.remove("Types");
        bad.put("RuleId", "x");
        ((ObjectNode) bad.get("Severity")).put("Label", "SEVERE");

        assertThat(ASFF.validate(bad)).containsExactlyInAnyOrder("Types: required",
                "RuleId: not a member of AwsSecurityFinding",
                "Severity.Label: \"SEVERE\" is not one of [\"INFORMATIONAL\",\"LOW\",\"MEDIUM\",\"HIGH\",\"CRITICAL\"]");
    }

    @Test
    void bothFilesHoldOneRecordPerStagedFinding(@TempDir Path folder) throws IOException {
        InMemoryStagingRepository staging = new InMemoryStagingRepository();
        staging.saveRun(RUN);
        List<Finding> findings = List.of(finding("f1", "IAM.USER.CONSOLE_MFA", Finding.Status.FAIL, null),
                finding("f2", "IAM.USER.CONSOLE_MFA", Finding.Status.EXCEPTED, "accepted"),
                finding("f3", "IAM.USER.CONSOLE_MFA", Finding.Status.NOT_EVALUATED, null));
        staging.replaceAnalysis("run-1", "444444444444", findings, List.of(), List.of());

        List<ReportFile> files = new FindingExports(facts, "test", "eu-west-1").write(staging, RUN, folder);

        assertThat(files).extracting(ReportFile::name).containsExactly(FindingExports.OCSF, FindingExports.ASFF);
        assertThat(files).allSatisfy(f -> assertThat(f.rows()).isEqualTo(3));
        List<String> lines = Files.readAllLines(folder.resolve(FindingExports.OCSF));
        assertThat(lines).hasSize(3).allSatisfy(l ->
                assertThat(OCSF.validate("findings/compliance_finding", JSON.readTree(l))).isEmpty());
        JsonNode array = JSON.readTree(folder.resolve(FindingExports.ASFF).toFile());
        assertThat(array).hasSize(3);
        array.forEach(r -> assertThat(ASFF.validate(r)).isEmpty());
        // one finding per line in the array as well
        assertThat(Files.readAllLines(folder.resolve(FindingExports.ASFF))).hasSize(5);
    }

    private JsonNode asffJson(Finding f) throws IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        try (var g = JSON.getFactory().createGenerator(out)) {
            SdkJson.write(g, asff.of(facts.of(f, RUN)));
        }
        return JSON.readTree(out.toString());
    }
}

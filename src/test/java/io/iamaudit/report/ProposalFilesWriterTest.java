package io.iamaudit.report;

import io.iamaudit.stage.LeastPrivilegeRecommendation;
import io.iamaudit.stage.LeastPrivilegeRecommendation.PolicyProposal;
import io.iamaudit.stage.LeastPrivilegeRecommendation.RemovedPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a reviewer gets per proposal: plain documents beside each other, and how to apply and roll back. */
class ProposalFilesWriterTest {

    private static final String ORIGINAL = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
    private static final String PROPOSED = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:GetObject\"],\"Resource\":\"*\"}]}";

    @Test
    void changedProposalsGetPrettyDocumentsAndAnApplyNoteUnchangedOnesNothing(@TempDir Path folder)
            throws IOException {
        // given: an AWS managed proposal (from the sample run), an inline one, and an unchanged one
        InMemoryStagingRepository repo = new InMemoryStagingRepository();
        String account = "111111111111";
        LeastPrivilegeRecommendation sample = SampleRun.recommendation("run-1", account, "app");
        LeastPrivilegeRecommendation withInline = new LeastPrivilegeRecommendation(sample.recommendationId(),
                "run-1", account, "Role", "app", sample.principalArn(), sample.verdict(), sample.reason(),
                sample.grantedServices(), sample.usedServices(), sample.unusedServices(), sample.grantedActions(),
                sample.usedActions(), sample.unusedActions(), sample.lastUsed(), sample.reductionPercent(),
                List.of(sample.proposals().get(0), inline("data", PROPOSED), inline("kept", ORIGINAL)),
                sample.notes());
        repo.replaceAnalysis("run-1", account, List.of(), List.of(), List.of(withInline));

        // when
        List<ReportFile> files = new ProposalFilesWriter().write(repo, "run-1", folder);

        // then
        String dir = "least-privilege/111111111111/role/app/";
        assertThat(files).extracting(ReportFile::name).containsExactlyInAnyOrder(
                dir + "AmazonS3FullAccess.original.json", dir + "AmazonS3FullAccess.json",
                dir + "AmazonS3FullAccess.apply.txt", dir + "data.original.json", dir + "data.json",
                dir + "data.apply.txt");
        String proposed = Files.readString(folder.resolve(dir + "data.json"));
        assertThat(proposed).startsWith("{\n").contains("\"s3:GetObject\"").doesNotContain("policyName");
        assertThat(Files.readString(folder.resolve(dir + "data.original.json"))).contains("\"s3:*\"");
        String inlineNote = Files.readString(folder.resolve(dir + "data.apply.txt"));
        assertThat(inlineNote).contains("aws iam put-role-policy --role-name app --policy-name data "
                + "--policy-document file://data.json", "Roll back:", "file://data.original.json");
        String awsNote = Files.readString(folder.resolve(dir + "AmazonS3FullAccess.apply.txt"));
        assertThat(awsNote).contains("aws iam create-policy --policy-name AmazonS3FullAccess-least-privilege",
                "aws iam detach-role-policy --role-name app --policy-arn arn:aws:iam::aws:policy/AmazonS3FullAccess",
                "aws iam attach-role-policy --role-name app --policy-arn arn:aws:iam::aws:policy/AmazonS3FullAccess");
    }

    @Test
    void aCustomerManagedProposalRollsBackToTheOriginalDefaultVersion() {
        PolicyProposal p = new PolicyProposal("deploy", "arn:aws:iam::111111111111:policy/deploy", "MANAGED",
                ORIGINAL, PROPOSED, List.of(new RemovedPermission("s3:DeleteBucket", "unused")), List.of(), true);
        LeastPrivilegeRecommendation r = SampleRun.recommendation("run-1", "111111111111", "app");

        String note = ApplyNote.text(r, p, "deploy", "v3", List.of());

        assertThat(note).contains("aws iam create-policy-version --policy-arn arn:aws:iam::111111111111:policy/deploy "
                + "--policy-document file://deploy.json --set-as-default", "aws iam set-default-policy-version "
                + "--policy-arn arn:aws:iam::111111111111:policy/deploy --version-id v3");
    }

    @Test
    void aSplitProposalBecomesItsPartsAndAGroupPolicyUsesTheGroupCalls() {
        PolicyProposal p = new PolicyProposal("devs/inline", null, "GROUP", ORIGINAL, PROPOSED,
                List.of(new RemovedPermission("s3:DeleteBucket", "unused")), List.of(), false);
        LeastPrivilegeRecommendation r = SampleRun.recommendation("run-1", "111111111111", "app");

        String note = ApplyNote.text(r, p, "devs.inline", null, List.of("devs.inline-part-1", "devs.inline-part-2"));

        assertThat(note).contains("aws iam create-policy --policy-name devs.inline-part-2",
                "aws iam attach-group-policy --group-name devs", "aws iam delete-group-policy --group-name devs "
                        + "--policy-name inline", "aws iam put-group-policy --group-name devs --policy-name inline");
    }

    @Test
    void namesNeverLeaveTheirFolder() {
        assertThat(ProposalFilesWriter.safe("..")).isEqualTo("___");
        assertThat(ProposalFilesWriter.safe("devs/inline")).isEqualTo("devs.inline");
        assertThat(ProposalFilesWriter.safe("=cmd|x")).isEqualTo("=cmd_x");
    }

    private static PolicyProposal inline(String name, String proposed) {
        List<RemovedPermission> removed = proposed.equals(ORIGINAL) ? List.of()
                : List.of(new RemovedPermission("s3:PutObject", "unused"));
        return new PolicyProposal(name, null, "INLINE", ORIGINAL, proposed, removed, List.of(), true);
    }
}

package io.iamaudit.report;

import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.stage.LeastPrivilegeRecommendation.PolicyProposal;
import io.iamaudit.stage.LeastPrivilegeRecommendation.RemovedPermission;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The diff with each document's access levels cached is the diff computed afresh, on generated proposals. */
class ProposalDiffTest {

    private static final List<String> PATTERNS = List.of("s3:GetObject", "s3:Get*", "s3:PutObject", "s3:*",
            "ec2:Describe*", "ec2:RunInstances", "ec2:*", "iam:PassRole", "iam:List*", "iam:CreateUser",
            "dynamodb:Query", "dynamodb:*", "kms:Decrypt", "sqs:SendMessage", "lambda:Invoke*", "madeup:DoThing",
            "s3:NoSuchAction");

    @Test
    void cachedAndUncachedDiffsAgreeOnGeneratedProposalsThatShareDocuments() {
        // given: documents reused across recommendations (as managed policies are), one to three proposals each
        Random random = new Random(16);
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            documents.add(document(random));
        }
        ProposalDiff diff = new ProposalDiff(ActionCatalog.bundled());
        ProposalDiff reference = new ProposalDiff(ActionCatalog.bundled());
        int compared = 0;
        int multiPart = 0;
        for (int r = 0; r < 300; r++) {
            List<PolicyProposal> proposals = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int p = 0; p < count; p++) {
                List<RemovedPermission> removed = new ArrayList<>();
                for (int k = random.nextInt(4); k > 0; k--) {
                    removed.add(new RemovedPermission(PATTERNS.get(random.nextInt(PATTERNS.size())), "unused"));
                }
                String proposed = random.nextInt(8) == 0 ? null : documents.get(random.nextInt(documents.size()));
                proposals.add(new PolicyProposal("p" + p, null, "INLINE", "{}", proposed, removed, List.of(), true));
            }
            // when
            String cached = diff.text(proposals);
            String fresh = reference.textUncached(proposals);

            // then
            assertThat(cached).as("recommendation %d", r).isEqualTo(fresh);
            if (fresh != null) {
                compared++;
            }
            if (count > 1) {
                multiPart++;
            }
        }
        assertThat(compared).isGreaterThan(150);
        assertThat(multiPart).isGreaterThan(100);
    }

    private static String document(Random random) {
        List<String> actions = new ArrayList<>();
        for (int k = 1 + random.nextInt(6); k > 0; k--) {
            actions.add('"' + PATTERNS.get(random.nextInt(PATTERNS.size())) + '"');
        }
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[" + String.join(",", actions)
                + "],\"Resource\":\"*\"}]}";
    }
}

package io.iamaudit.report;

import io.iamaudit.stage.AwsRecommendation;
import io.iamaudit.stage.LeastPrivilegeRecommendation;
import io.iamaudit.stage.LeastPrivilegeRecommendation.PolicyProposal;
import io.iamaudit.stage.ProposalCheck;
import io.iamaudit.stage.StagingRepository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A row of the Least privilege table: our recommendation with IAM Access Analyzer's checks of its proposals and AWS's
 * own recommendations for the principal.
 *
 * @param checks one per proposal that was checked, in proposal order ({@code null} entries for unchecked ones)
 */
public record VerifiedRecommendation(LeastPrivilegeRecommendation recommendation, List<ProposalCheck> checks,
                                     List<AwsRecommendation> aws) {

    public VerifiedRecommendation {
        checks = checks == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(checks));
        aws = aws == null ? List.of() : List.copyOf(aws);
    }

    /** What the reviewer is offered: the recommendation without the proposals AWS's checks rejected. */
    public LeastPrivilegeRecommendation shown() {
        List<PolicyProposal> offered = new ArrayList<>();
        List<PolicyProposal> proposals = recommendation.proposals();
        for (int i = 0; i < proposals.size(); i++) {
            ProposalCheck c = i < checks.size() ? checks.get(i) : null;
            if (c == null || !c.withheld()) {
                offered.add(proposals.get(i));
            }
        }
        return offered.size() == proposals.size() ? recommendation : recommendation.withProposals(offered);
    }

    /**
     * The run's recommendations joined with the verify step's results, account by account (the stream comes in
     * account order, so one account's checks are in memory at a time).
     */
    static Stream<VerifiedRecommendation> stream(StagingRepository repository, String runId) {
        var joiner = new Object() {
            String account;
            Map<String, ProposalCheck> checks = Map.of();
            Map<String, List<AwsRecommendation>> aws = Map.of();

            VerifiedRecommendation join(LeastPrivilegeRecommendation r) {
                if (!Objects.equals(account, r.accountId())) {
                    account = r.accountId();
                    checks = new HashMap<>();
                    for (ProposalCheck c : repository.proposalChecks(runId, account)) {
                        checks.put(c.proposalKey(), c);
                    }
                    aws = new HashMap<>();
                    for (AwsRecommendation a : repository.awsRecommendations(runId, account)) {
                        aws.computeIfAbsent(a.resourceArn(), k -> new ArrayList<>()).add(a);
                    }
                }
                List<ProposalCheck> mine = new ArrayList<>();
                for (PolicyProposal p : r.proposals()) {
                    mine.add(checks.get(ProposalCheck.key(r.recommendationId(), p.attachment(), p.policyName())));
                }
                return new VerifiedRecommendation(r, mine, aws.getOrDefault(r.principalArn(), List.of()));
            }
        };
        return repository.recommendations(runId).map(joiner::join);
    }
}

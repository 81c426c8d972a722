package io.iamaudit.collect;

import io.iamaudit.stage.AccessAnalyzerState.AnalyzerFinding;
import io.iamaudit.stage.AwsRecommendation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.model.GetFindingRecommendationResponse;
import software.amazon.awssdk.services.accessanalyzer.model.RecommendedStep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AWS's own recommendation for unused-permission findings: GenerateFindingRecommendation for every finding first,
 * then GetFindingRecommendation for all of them together until each is SUCCEEDED or FAILED, within the poller's
 * budget (as the last-accessed jobs: AWS works on all of them while we wait once). The calls go to the analyzer's
 * owner (the delegated administrator), on the shared Access Analyzer quota. A finding whose calls fail, or whose
 * recommendation is not ready in time, is NOT_VERIFIED with the reason; the others are unaffected.
 */
public final class FindingRecommendationCollector {

    private final AccessAnalyzerClient client;
    private final Poller poller;

    public FindingRecommendationCollector(AccessAnalyzerClient client, Poller poller) {
        this.client = client;
        this.poller = poller;
    }

    /** The ACTIVE UnusedPermission findings AWS can recommend for. */
    public static boolean recommendable(AnalyzerFinding f) {
        return "UnusedPermission".equals(f.findingType()) && "ACTIVE".equals(f.status());
    }

    public List<AwsRecommendation> collect(String accountId, List<AnalyzerFinding> findings) {
        Map<String, AwsRecommendation> done = new LinkedHashMap<>();
        Map<String, AnalyzerFinding> pending = new LinkedHashMap<>();
        for (AnalyzerFinding f : findings) {
            try {
                client.generateFindingRecommendation(r -> r.analyzerArn(f.analyzerArn()).id(f.id()));
                pending.put(f.id(), f);
            } catch (SdkException e) {
                done.put(f.id(), notVerified(accountId, f, "GenerateFindingRecommendation: " + AwsErrors.describe(e)));
            }
        }
        if (!pending.isEmpty()) {
            try {
                poller.poll("recommendations of " + pending.size() + " findings in " + accountId, () -> {
                    for (AnalyzerFinding f : List.copyOf(pending.values())) {
                        attempt(accountId, f).ifPresent(r -> {
                            done.put(f.id(), r);
                            pending.remove(f.id());
                        });
                    }
                    return pending.isEmpty() ? Optional.of(true) : Optional.empty();
                });
            } catch (Poller.PollTimeoutException e) {
                pending.values().forEach(f -> done.put(f.id(), notVerified(accountId, f, e.getMessage())));
            }
        }
        List<AwsRecommendation> out = new ArrayList<>();
        findings.forEach(f -> out.add(done.get(f.id())));
        return out;
    }

    /** The finished recommendation, or empty while AWS still works on it. */
    private Optional<AwsRecommendation> attempt(String accountId, AnalyzerFinding f) {
        GetFindingRecommendationResponse first;
        try {
            first = client.getFindingRecommendation(r -> r.analyzerArn(f.analyzerArn()).id(f.id()));
        } catch (SdkException e) {
            return Optional.of(notVerified(accountId, f, "GetFindingRecommendation: " + AwsErrors.describe(e)));
        }
        String status = first.statusAsString();
        if ("IN_PROGRESS".equals(status)) {
            return Optional.empty();
        }
        if (!"SUCCEEDED".equals(status)) {
            String error = first.error() == null ? status : first.error().code() + ": " + first.error().message();
            return Optional.of(new AwsRecommendation(accountId, f.id(), f.analyzerArn(), f.resource(), "FAILED", error,
                    List.of(), null, List.of(), List.of(), null));
        }
        List<AwsRecommendation.Step> steps = new ArrayList<>(steps(first.recommendedSteps()));
        String token = first.nextToken();
        try {
            while (token != null) {
                String next = token;
                GetFindingRecommendationResponse page = client.getFindingRecommendation(r -> r.analyzerArn(f.analyzerArn())
                        .id(f.id()).nextToken(next));
                steps.addAll(steps(page.recommendedSteps()));
                token = page.nextToken();
            }
        } catch (SdkException e) {
            return Optional.of(notVerified(accountId, f, "GetFindingRecommendation: " + AwsErrors.describe(e)));
        }
        return Optional.of(new AwsRecommendation(accountId, f.id(), f.analyzerArn(), f.resource(), "SUCCEEDED", null,
                steps, null, List.of(), List.of(), null));
    }

    private static List<AwsRecommendation.Step> steps(List<RecommendedStep> steps) {
        return steps.stream().map(RecommendedStep::unusedPermissionsRecommendedStep).filter(s -> s != null)
                .map(s -> new AwsRecommendation.Step(s.recommendedActionAsString(), s.existingPolicyId(),
                        s.recommendedPolicy()))
                .toList();
    }

    private static AwsRecommendation notVerified(String accountId, AnalyzerFinding f, String reason) {
        return new AwsRecommendation(accountId, f.id(), f.analyzerArn(), f.resource(), "NOT_VERIFIED", reason,
                List.of(), null, List.of(), List.of(), null);
    }
}

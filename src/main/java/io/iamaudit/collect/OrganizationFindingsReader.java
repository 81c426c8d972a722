package io.iamaudit.collect;

import io.iamaudit.collect.FindingSpool.SpooledFinding;
import io.iamaudit.stage.AccessAnalyzerState.Analyzer;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.model.Criterion;
import software.amazon.awssdk.services.accessanalyzer.model.FindingSummaryV2;
import software.amazon.awssdk.services.accessanalyzer.model.ListFindingsV2Response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists every ACTIVE finding of the organization's analyzers once, without an account filter, and spools those of
 * the accounts being collected as the pages arrive. One {@code ListFindingsV2} page of 100 findings serves up to
 * 100 accounts, where a listing per account costs at least one page per account and analyzer: at 800 accounts
 * about 400 calls on the delegated administrator's shared quota instead of 1,576.
 *
 * <p>AWS documents no order for ListFindingsV2 (nor which attributes {@code sort} accepts), so an account's findings
 * are known complete only when every listing has ended. {@code GetFindingV2} is called as in
 * {@link AccessAnalyzerCollector}: for every finding but an unused role, whose details are nothing but the role's
 * last use, which the account's own authorization details carry.
 */
public final class OrganizationFindingsReader {

    private final List<Analyzer> analyzers;
    private final AccessAnalyzerClient client;
    private final Set<String> accounts;
    private final FindingSpool spool;

    /**
     * @param analyzers the organization's ACTIVE analyzers
     * @param client    a client in the analyzers' owner account, paced to the shared quota
     * @param accounts  the accounts being collected: other accounts' findings are paged through and dropped
     */
    public OrganizationFindingsReader(List<Analyzer> analyzers, AccessAnalyzerClient client, Set<String> accounts,
                                      FindingSpool spool) {
        this.analyzers = List.copyOf(analyzers);
        this.client = client;
        this.accounts = Set.copyOf(accounts);
        this.spool = spool;
    }

    /**
     * Reads every analyzer's findings into the spool.
     *
     * @return the accounts one of whose findings' details could not be read, with AWS's reason
     * @throws RuntimeException when a listing fails: no account's findings are then known complete
     */
    public Map<String, String> read() {
        Map<String, Criterion> active = Map.of("status", Criterion.builder().eq("ACTIVE").build());
        Map<String, String> failedAccounts = new LinkedHashMap<>();
        for (Analyzer analyzer : analyzers) {
            for (ListFindingsV2Response page : client.listFindingsV2Paginator(r -> r.analyzerArn(analyzer.arn())
                    .filter(active))) {
                Map<String, List<SpooledFinding>> byAccount = new LinkedHashMap<>();
                for (FindingSummaryV2 summary : page.findings()) {
                    String account = summary.resourceOwnerAccount();
                    if (account == null || !accounts.contains(account) || failedAccounts.containsKey(account)) {
                        continue;
                    }
                    try {
                        byAccount.computeIfAbsent(account, a -> new ArrayList<>()).add(spooled(analyzer, summary));
                    } catch (RuntimeException e) {
                        // one finding's details missing: that account's findings are incomplete, not the others'
                        failedAccounts.put(account, AwsErrors.describe(e));
                    }
                }
                byAccount.forEach((account, findings) -> {
                    if (!failedAccounts.containsKey(account)) {
                        spool.append(account, findings);
                    }
                });
            }
        }
        return failedAccounts;
    }

    private SpooledFinding spooled(Analyzer analyzer, FindingSummaryV2 summary) {
        if ("UnusedIAMRole".equals(summary.findingTypeAsString())) {
            return new SpooledFinding(AccessAnalyzerCollector.unusedRole(analyzer.arn(), summary, null), true);
        }
        return new SpooledFinding(AccessAnalyzerCollector.details(client, analyzer.arn(), summary), false);
    }
}

package io.iamaudit.collect;

import io.iamaudit.stage.AccountCoverage;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Collected;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One account as collected: the snapshot, and the AWS calls it took.
 *
 * @param awsCalls       HTTP attempts per {@code service:Operation}, retries included
 * @param throttledCalls attempts AWS throttled, per {@code service:Operation} (also counted in {@code awsCalls})
 */
public record AccountCollection(AccountSnapshot snapshot, Map<String, Long> awsCalls,
                                Map<String, Long> throttledCalls) {

    public AccountCollection {
        awsCalls = Map.copyOf(awsCalls);
        throttledCalls = Map.copyOf(throttledCalls);
    }

    /** Data set name to failure reason, for every data set that could not be collected. */
    public Map<String, String> failures() {
        Map<String, String> failures = new LinkedHashMap<>();
        dataSets().forEach((name, set) -> {
            if (set.missing()) {
                failures.put(name, set.error());
            }
        });
        return failures;
    }

    private Map<String, Collected<?>> dataSets() {
        Map<String, Collected<?>> sets = new LinkedHashMap<>();
        sets.put("credentialReport", snapshot.credentialReport());
        sets.put("authorization", snapshot.authorization());
        sets.put("passwordPolicy", snapshot.passwordPolicy());
        sets.put("summary", snapshot.summary());
        sets.put("identityProviders", snapshot.identityProviders());
        sets.put("virtualMfaDevices", snapshot.virtualMfaDevices());
        sets.put("serverCertificates", snapshot.serverCertificates());
        sets.put("lastAccessed", snapshot.lastAccessed());
        sets.put("accessAnalyzer", snapshot.accessAnalyzer());
        if (snapshot.secrets() != null) {
            sets.put("secrets", snapshot.secrets());
        }
        if (snapshot.organizationFeatures() != null) {
            sets.put("organizationFeatures", snapshot.organizationFeatures());
        }
        return sets;
    }

    /**
     * True when no data set could be read with the account's own credentials: the account was effectively not
     * accessible. Access Analyzer findings do not count, since they may come from the organization's delegated
     * administrator whatever state the account is in; nor do the organization's features, an organization-wide
     * answer that says nothing about the account's own IAM.
     */
    public boolean nothingCollected() {
        Map<String, String> failures = failures();
        return dataSets().keySet().stream().filter(name -> !name.equals("accessAnalyzer") && !name.equals("organizationFeatures"))
                .allMatch(failures::containsKey);
    }

    /** The coverage row of an audited account; its reason lists the data sets that could not be collected. */
    public AccountCoverage coverage(String runId) {
        List<String> reasons = new ArrayList<>();
        failures().forEach((name, error) -> reasons.add(name + ": " + error));
        // regions read or not, one by one: a denied region is a gap even when the data set as a whole was collected
        if (snapshot.secrets() != null) {
            snapshot.secrets().get().map(io.iamaudit.stage.SecretsInventory::coverageNote)
                    .filter(note -> !note.isEmpty()).ifPresent(reasons::add);
        }
        return new AccountCoverage(runId, snapshot.account().accountId(), snapshot.account().name(),
                snapshot.account().ouPath(), AccountCoverage.Status.AUDITED, String.join("; ", reasons),
                snapshot.collectedAt(), awsCalls);
    }
}

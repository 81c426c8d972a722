package io.iamaudit.stage;

import java.util.Map;

/** GetAccountSummary's SummaryMap. */
public record AccountSummary(Map<String, Integer> summaryMap) {
    public AccountSummary {
        summaryMap = Map.copyOf(summaryMap);
    }

    public boolean rootMfaEnabled() {
        return summaryMap.getOrDefault("AccountMFAEnabled", 0) == 1;
    }

    public boolean rootAccessKeysPresent() {
        return summaryMap.getOrDefault("AccountAccessKeysPresent", 0) > 0;
    }
}

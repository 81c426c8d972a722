package io.iamaudit.stage;

/** How one rule came out for one account: the denominator auditors need next to the findings. */
public record RuleOutcome(String runId, String accountId, String ruleId, Outcome outcome, int findings, String note) {
    public enum Outcome { PASS, FAIL, NOT_EVALUATED }
}

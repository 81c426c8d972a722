package io.iamaudit.stage;

/**
 * How one rule came out for one account: the denominator auditors need next to the findings. {@code RULE_ERROR}:
 * the rule itself failed on this account's data (logged with the rule id and account); its findings are not
 * evaluated.
 */
public record RuleOutcome(String runId, String accountId, String ruleId, Outcome outcome, int findings, String note) {
    public enum Outcome { PASS, FAIL, NOT_EVALUATED, RULE_ERROR }
}

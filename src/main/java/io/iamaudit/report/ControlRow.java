package io.iamaudit.report;

import io.iamaudit.stage.RuleOutcome;

/** A rule outcome with the account's name, for readers who do not know account ids by heart. */
public record ControlRow(RuleOutcome outcome, String accountName) {
}

package io.iamaudit.quarterly;

import java.time.LocalDate;

/**
 * What an auditor wrote against a finding in a quarterly workbook. Sign-off is not part of it: each quarter is
 * signed off anew.
 */
public record AuditorDecision(String reviewer, String decision, String ticket, LocalDate dueDate,
                              String justification, LocalDate firstSeen) {
    public static final AuditorDecision NONE = new AuditorDecision(null, null, null, null, null, null);

    public boolean isEmpty() {
        return reviewer == null && decision == null && ticket == null && dueDate == null && justification == null;
    }
}

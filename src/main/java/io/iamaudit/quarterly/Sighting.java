package io.iamaudit.quarterly;

import io.iamaudit.stage.Severity;

import java.time.LocalDate;

/** One row of a nightly {@code findings.csv}, as far as the quarterly report needs it. */
public record Sighting(String findingId, String accountId, String accountName, String principalType,
                       String principalName, String principalArn, String ruleId, String title, Severity severity,
                       String status, String wellArchitected, String cis, String securityHub, String evidence,
                       String recommendation, String exceptionOwner, LocalDate exceptionExpiry) {

    public static final String FAIL = "FAIL";
    public static final String EXCEPTED = "EXCEPTED";
    public static final String NOT_EVALUATED = "NOT_EVALUATED";
}

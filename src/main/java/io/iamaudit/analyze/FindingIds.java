package io.iamaudit.analyze;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable ids: a SHA-256 of the parts that identify a finding (account, rule, principal ARN and, when a rule reports
 * several things on one principal, the subject), so the same problem keeps its id from run to run and a ticket
 * system can follow it.
 */
public final class FindingIds {
    private FindingIds() {
    }

    public static String findingId(String accountId, String ruleId, String principalArn, String subject) {
        String key = accountId + "|" + ruleId + "|" + principalArn + (subject == null ? "" : "|" + subject);
        return hash(key, 20);
    }

    public static String recommendationId(String accountId, String principalArn) {
        return hash(accountId + "|least-privilege|" + principalArn, 20);
    }

    static String hash(String key, int hexChars) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, hexChars);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}

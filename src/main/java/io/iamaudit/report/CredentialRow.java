package io.iamaudit.report;

import io.iamaudit.stage.CredentialReportRow;
import io.iamaudit.stage.CredentialReportRow.AccessKeySlot;
import io.iamaudit.stage.CredentialReportRow.CertificateSlot;

import java.time.Instant;
import java.util.Optional;

/**
 * One credential report row of one account, with ages in days derived as of the report's generation time.
 * Carries no key ids: the credential report has none, and the row exposes only dates and services.
 */
public record CredentialRow(String accountId, String accountName, CredentialReportRow row, Instant asOf) {
    /** AWS's word for a password never used, or used only before IAM tracked it (October 2014). */
    static final String NO_INFORMATION = "no_information";

    public Long passwordAgeDays() {
        return Boolean.TRUE.equals(row.passwordEnabled()) ? Ages.days(row.passwordLastChanged(), asOf) : null;
    }

    public Optional<AccessKeySlot> key(int slot) {
        return row.accessKeys().stream().filter(k -> k.slot() == slot).findFirst();
    }

    public Optional<CertificateSlot> certificate(int slot) {
        return row.certificates().stream().filter(c -> c.slot() == slot).findFirst();
    }

    /** Age of an active key since it was created or last rotated; {@code null} when the slot holds no active key. */
    public Long keyAgeDays(int slot) {
        return key(slot).filter(AccessKeySlot::active).map(k -> Ages.days(k.lastRotated(), asOf)).orElse(null);
    }

    public Instant keyLastUsed(int slot) {
        return key(slot).map(AccessKeySlot::lastUsedDate).orElse(null);
    }

    /** Most recent use of the password or any key. */
    public Instant lastUsed() {
        return Ages.latest(row.passwordLastUsed(), keyLastUsed(1), keyLastUsed(2));
    }

    public Long daysSinceLastUse() {
        return Ages.days(lastUsed(), asOf);
    }

    /**
     * Days since the password was last used; {@link Word#NEVER} where AWS says {@code no_information} (never used);
     * nothing where there is no password (AWS: {@code N/A}) or the report lacked the column.
     */
    public Object daysSincePasswordUsed() {
        if (row.passwordLastUsed() != null) {
            return Ages.days(row.passwordLastUsed(), asOf);
        }
        return NO_INFORMATION.equalsIgnoreCase(row.awsWord("password_last_used")) ? Word.NEVER : null;
    }

    /**
     * Days since the key in {@code slot} was last used; {@link Word#NEVER} for a key that exists (it has a creation
     * or rotation date) but that AWS reports {@code N/A} for last use: never used, or not since April 2015.
     */
    public Object daysSinceKeyUsed(int slot) {
        return key(slot).map(k -> {
            if (k.lastUsedDate() != null) {
                return (Object) Ages.days(k.lastUsedDate(), asOf);
            }
            boolean exists = k.lastRotated() != null;
            return exists && row.awsWord(keyColumn(slot, "last_used_date")) != null ? Word.NEVER : null;
        }).orElse(null);
    }

    /** The typed value, or else AWS's word in that credential report column (or nothing). */
    public Object orAwsWord(Object typed, String column) {
        return typed != null ? typed : Word.of(row.awsWord(column));
    }

    /** Text as AWS wrote it: the value, or else AWS's word in that column. */
    public String textOrAwsWord(String typed, String column) {
        return typed != null ? typed : row.awsWord(column);
    }

    static String keyColumn(int slot, String suffix) {
        return "access_key_" + slot + "_" + suffix;
    }

    static String certificateColumn(int slot, String suffix) {
        return "cert_" + slot + "_" + suffix;
    }
}

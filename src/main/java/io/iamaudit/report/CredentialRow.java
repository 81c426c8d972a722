package io.iamaudit.report;

import io.iamaudit.stage.CredentialReportRow;
import io.iamaudit.stage.CredentialReportRow.AccessKeySlot;

import java.time.Instant;
import java.util.Optional;

/**
 * One credential report row of one account, with ages in days derived as of the report's generation time.
 * Carries no key ids: the credential report has none, and the row exposes only dates and services.
 */
public record CredentialRow(String accountId, String accountName, CredentialReportRow row, Instant asOf) {

    public Long passwordAgeDays() {
        return Boolean.TRUE.equals(row.passwordEnabled()) ? Ages.days(row.passwordLastChanged(), asOf) : null;
    }

    public Optional<AccessKeySlot> key(int slot) {
        return row.accessKeys().stream().filter(k -> k.slot() == slot).findFirst();
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
}

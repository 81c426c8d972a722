package io.iamaudit.report;

import io.iamaudit.stage.CredentialReportRow;
import io.iamaudit.stage.CredentialReportRow.AccessKeySlot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The derived ages of a credential row: days, "never" only where AWS says never used, else nothing. */
class CredentialRowTest {
    private static final Instant AS_OF = Instant.parse("2026-11-28T00:00:00Z");
    private static final Instant TEN_DAYS_AGO = Instant.parse("2026-11-18T00:00:00Z");

    @Test
    void aPasswordAwsHasNoInformationOnWasNeverUsed() {
        CredentialRow row = row(true, null, Map.of("password_last_used", "no_information"), noKey(1));

        assertThat(row.daysSincePasswordUsed()).isEqualTo(Word.NEVER);
    }

    @Test
    void noPasswordIsNotNever() {
        CredentialRow row = row(false, null, Map.of("password_last_used", "N/A"), noKey(1));

        assertThat(row.daysSincePasswordUsed()).as("AWS: N/A, the user has no password").isNull();
    }

    @Test
    void aUsedPasswordCountsDays() {
        assertThat(row(true, TEN_DAYS_AGO, Map.of(), noKey(1)).daysSincePasswordUsed()).isEqualTo(10L);
    }

    @Test
    void anExistingKeyWithoutUseWasNeverUsedButAnEmptySlotIsNot() {
        AccessKeySlot unused = new AccessKeySlot(1, true, TEN_DAYS_AGO, null, null, null);
        CredentialRow withKey = row(true, null, Map.of("access_key_1_last_used_date", "N/A"), unused);
        CredentialRow emptySlot = row(true, null, Map.of("access_key_1_last_rotated", "N/A",
                "access_key_1_last_used_date", "N/A"), noKey(1));

        assertThat(withKey.daysSinceKeyUsed(1)).isEqualTo(Word.NEVER);
        assertThat(emptySlot.daysSinceKeyUsed(1)).isNull();
        assertThat(withKey.orAwsWord(null, "access_key_1_last_used_date")).isEqualTo(new Word("N/A"));
    }

    @Test
    void withoutAwsWordsNothingIsInvented() {
        AccessKeySlot unused = new AccessKeySlot(1, true, TEN_DAYS_AGO, null, null, null);
        CredentialRow row = row(true, null, Map.of(), unused);

        assertThat(row.daysSinceKeyUsed(1)).as("a missing column is not 'never'").isNull();
        assertThat(row.daysSincePasswordUsed()).isNull();
        assertThat(row.orAwsWord(null, "password_last_changed")).isNull();
    }

    private static CredentialRow row(boolean password, Instant passwordLastUsed, Map<String, String> words,
                                     AccessKeySlot key1) {
        CredentialReportRow report = new CredentialReportRow("u", "arn:aws:iam::123456789012:user/u", null,
                password, passwordLastUsed, null, null, false, List.of(key1, noKey(2)), List.of(), Map.of(), words);
        return new CredentialRow("123456789012", "acct", report, AS_OF);
    }

    private static AccessKeySlot noKey(int slot) {
        return new AccessKeySlot(slot, false, null, null, null, null);
    }
}

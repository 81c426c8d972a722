package io.iamaudit.report;

import io.iamaudit.stage.CredentialReportRow.AccessKeySlot;
import io.iamaudit.stage.CredentialReportRow.CertificateSlot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Extractors of the Credentials table, by template column key: every column of AWS's credential report, with AWS's
 * words ({@code N/A}, {@code no_information}, {@code not_supported}) where AWS gave no value, plus derived ages.
 * No access key id exists in this table: the credential report carries none.
 */
final class CredentialColumns {
    private CredentialColumns() {
    }

    static Map<String, Function<? super CredentialRow, ?>> extractors() {
        Map<String, Function<? super CredentialRow, ?>> m = new LinkedHashMap<>();
        m.put("account_id", CredentialRow::accountId);
        m.put("account_name", CredentialRow::accountName);
        m.put("user", c -> ConsoleLinks.principal("User", c.row().user(), c.row().arn()));
        m.put("arn", c -> c.row().arn());
        m.put("user_created", c -> c.orAwsWord(c.row().userCreationTime(), "user_creation_time"));
        // AWS writes not_supported for the root user; rows staged without AWS's words still say so
        m.put("password_enabled", c -> c.row().isRoot() && c.row().passwordEnabled() == null ? "not_supported"
                : c.textOrAwsWord(Texts.yesNo(c.row().passwordEnabled()), "password_enabled"));
        m.put("password_last_used", c -> c.orAwsWord(c.row().passwordLastUsed(), "password_last_used"));
        m.put("password_last_used_days", CredentialRow::daysSincePasswordUsed);
        m.put("password_last_changed", c -> c.orAwsWord(c.row().passwordLastChanged(), "password_last_changed"));
        m.put("password_age_days", CredentialRow::passwordAgeDays);
        m.put("password_next_rotation", c -> c.orAwsWord(c.row().passwordNextRotation(), "password_next_rotation"));
        m.put("mfa_active", c -> Texts.yesNo(c.row().mfaActive()));
        for (int slot = 1; slot <= 2; slot++) {
            keyColumns(m, slot);
        }
        for (int slot = 1; slot <= 2; slot++) {
            int s = slot;
            m.put("cert" + s + "_active", c -> c.certificate(s).map(k -> Texts.yesNo(k.active())).orElse(null));
            m.put("cert" + s + "_last_rotated", c -> c.orAwsWord(c.certificate(s)
                    .map(CertificateSlot::lastRotated).orElse(null), CredentialRow.certificateColumn(s, "last_rotated")));
        }
        m.put("days_since_last_use", CredentialRow::daysSinceLastUse);
        m.put("report_generated", CredentialRow::asOf);
        return m;
    }

    private static void keyColumns(Map<String, Function<? super CredentialRow, ?>> m, int s) {
        String k = "key" + s + "_";
        m.put(k + "active", c -> c.key(s).map(key -> Texts.yesNo(key.active())).orElse(null));
        m.put(k + "last_rotated", c -> c.orAwsWord(c.key(s).map(AccessKeySlot::lastRotated).orElse(null),
                CredentialRow.keyColumn(s, "last_rotated")));
        m.put(k + "age_days", c -> c.keyAgeDays(s));
        m.put(k + "last_used", c -> c.orAwsWord(c.keyLastUsed(s), CredentialRow.keyColumn(s, "last_used_date")));
        m.put(k + "last_used_days", c -> c.daysSinceKeyUsed(s));
        m.put(k + "last_used_region", c -> c.textOrAwsWord(c.key(s).map(AccessKeySlot::lastUsedRegion)
                .orElse(null), CredentialRow.keyColumn(s, "last_used_region")));
        m.put(k + "last_used_service", c -> c.textOrAwsWord(c.key(s).map(AccessKeySlot::lastUsedService)
                .orElse(null), CredentialRow.keyColumn(s, "last_used_service")));
    }
}

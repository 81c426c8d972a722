package io.iamaudit.report;

import io.iamaudit.stage.CredentialReportRow.AccessKeySlot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Extractors of the Credentials table, by template column key. No access key id exists in this table. */
final class CredentialColumns {
    private CredentialColumns() {
    }

    static Map<String, Function<? super CredentialRow, ?>> extractors() {
        Map<String, Function<? super CredentialRow, ?>> m = new LinkedHashMap<>();
        m.put("account_id", CredentialRow::accountId);
        m.put("account_name", CredentialRow::accountName);
        m.put("user", c -> ConsoleLinks.principal("User", c.row().user(), c.row().arn()));
        m.put("arn", c -> c.row().arn());
        m.put("user_created", c -> c.row().userCreationTime());
        m.put("password_enabled", c -> c.row().isRoot() ? "n/a" : Texts.yesNo(c.row().passwordEnabled()));
        m.put("password_last_used", c -> c.row().passwordLastUsed());
        m.put("password_age_days", CredentialRow::passwordAgeDays);
        m.put("mfa_active", c -> Texts.yesNo(c.row().mfaActive()));
        for (int slot = 1; slot <= 2; slot++) {
            int s = slot;
            m.put("key" + s + "_active", c -> c.key(s).map(k -> Texts.yesNo(k.active())).orElse(null));
            m.put("key" + s + "_age_days", c -> c.keyAgeDays(s));
            m.put("key" + s + "_last_used", c -> c.keyLastUsed(s));
            m.put("key" + s + "_last_used_service", c -> c.key(s).map(AccessKeySlot::lastUsedService).orElse(null));
        }
        m.put("days_since_last_use", CredentialRow::daysSinceLastUse);
        m.put("report_generated", CredentialRow::asOf);
        return m;
    }
}

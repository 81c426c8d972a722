package io.iamaudit.report;

import io.iamaudit.analyze.rules.SecretPolicyExposureRule;
import io.iamaudit.stage.Secret;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Extractors of the Secrets table, by template column key. */
final class SecretColumns {
    private SecretColumns() {
    }

    static Map<String, Function<? super SecretRow, ?>> extractors() {
        Map<String, Function<? super SecretRow, ?>> m = new LinkedHashMap<>();
        m.put("account_id", SecretRow::accountId);
        m.put("account_name", SecretRow::accountName);
        m.put("region", r -> r.secret().region());
        m.put("name", r -> r.secret().name());
        m.put("rotation_enabled", r -> Texts.yesNo(r.secret().rotationEnabled()));
        m.put("rotation_interval_days", r -> r.secret().rotationIntervalDays());
        m.put("days_since_rotated", r -> days(r.secret().lastRotatedDate(), r.asOf()));
        m.put("days_since_accessed", r -> days(r.secret().lastAccessedDate(), r.asOf()));
        m.put("days_since_changed", r -> days(r.secret().lastChangedDate(), r.asOf()));
        m.put("kms_key_kind", r -> r.secret().awsManagedKey() ? "AWS managed" : "Customer managed");
        m.put("policy_exposure", SecretColumns::exposure);
        m.put("kms_key_id", r -> r.secret().kmsKeyId());
        m.put("last_rotated", r -> r.secret().lastRotatedDate());
        m.put("last_accessed", r -> r.secret().lastAccessedDate());
        m.put("created", r -> r.secret().createdDate());
        m.put("arn", r -> r.secret().arn());
        m.put("tags", r -> Texts.map(r.secret().tags()));
        return m;
    }

    /** Calendar days in UTC: AWS keeps the last access at day granularity. Empty for a date AWS did not give. */
    private static Long days(Instant from, Instant asOf) {
        return from == null || asOf == null ? null : ChronoUnit.DAYS.between(LocalDate.ofInstant(from, ZoneOffset.UTC),
                LocalDate.ofInstant(asOf, ZoneOffset.UTC));
    }

    private static String exposure(SecretRow r) {
        Secret s = r.secret();
        if (s.policyError() != null) {
            return "Not read: " + s.policyError();
        }
        if (s.resourcePolicy() == null) {
            return "No resource policy";
        }
        return SecretPolicyExposureRule.exposureOf(s, r.accountId(), r.organization())
                .orElse("Within the organization");
    }
}

package io.iamaudit.sandbox.state;

import io.iamaudit.sandbox.scenario.PasswordPolicySpec;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes an account's credential report as AWS does: the 22 columns in AWS's order, the {@code <root_account>} row
 * first, {@code N/A} / {@code no_information} / {@code not_supported} where AWS writes them, lowercase booleans.
 */
public final class CredentialReportCsv {

    public static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,"
            + "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
            + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
            + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
            + "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,"
            + "cert_2_active,cert_2_last_rotated";

    /** Services that are not regional: AWS reports N/A as the key's last used region for them. */
    private static final Set<String> GLOBAL_SERVICES = Set.of("s3", "iam", "sts", "organizations", "route53",
            "cloudfront", "support");

    private static final String NA = "N/A";

    /** The credential report's own timestamp form, {@code 2025-01-20T10:00:00+00:00}. */
    private static final DateTimeFormatter REPORT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'")
            .withZone(ZoneOffset.UTC);

    private CredentialReportCsv() {
    }

    public static String write(IamDirectory dir) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        var spec = dir.spec();
        Instant accountCreated = dir.ago(spec.root().createdDaysAgo() != null ? spec.root().createdDaysAgo()
                : spec.joinedDaysAgo());
        List<String> root = new ArrayList<>(List.of("<root_account>", "arn:aws:iam::" + dir.accountId() + ":root",
                ts(accountCreated), "not_supported",
                spec.root().passwordLastUsedDaysAgo() == null ? "no_information"
                        : ts(dir.ago(spec.root().passwordLastUsedDaysAgo())),
                "not_supported", "not_supported", bool(!"none".equals(spec.root().mfa()))));
        keys(root, dir.rootAccessKeys());
        certs(root);
        sb.append(String.join(",", root)).append('\n');
        PasswordPolicySpec policy = spec.passwordPolicy();
        for (IamDirectory.User u : dir.users()) {
            var pw = u.spec().password();
            List<String> row = new ArrayList<>();
            row.add(u.name());
            row.add(u.arn());
            row.add(ts(u.created()));
            row.add(bool(pw != null));
            if (pw == null) {
                row.addAll(List.of(NA, NA, NA));
            } else {
                Instant changed = pw.changedDaysAgo() == null ? u.created() : dir.ago(pw.changedDaysAgo());
                row.add(pw.lastUsedDaysAgo() == null ? "no_information" : ts(dir.ago(pw.lastUsedDaysAgo())));
                row.add(ts(changed));
                row.add(policy != null && policy.maxPasswordAge() != null
                        ? ts(changed.plus(Duration.ofDays(policy.maxPasswordAge()))) : NA);
            }
            row.add(bool(!"none".equals(u.spec().mfa())));
            keys(row, u.accessKeys());
            certs(row);
            sb.append(String.join(",", row)).append('\n');
        }
        return sb.toString();
    }

    private static void keys(List<String> row, List<IamDirectory.AccessKey> keys) {
        for (int i = 0; i < 2; i++) {
            if (i >= keys.size()) {
                row.addAll(List.of("false", NA, NA, NA, NA));
                continue;
            }
            IamDirectory.AccessKey k = keys.get(i);
            row.add(bool(k.spec().active()));
            row.add(ts(k.created()));
            if (k.lastUsed() == null) {
                row.addAll(List.of(NA, NA, NA));
            } else {
                String service = k.spec().lastUsedService() == null ? "sts" : k.spec().lastUsedService();
                String region = k.spec().lastUsedRegion() == null || GLOBAL_SERVICES.contains(service)
                        ? NA : k.spec().lastUsedRegion();
                row.addAll(List.of(ts(k.lastUsed()), region, service));
            }
        }
    }

    private static void certs(List<String> row) {
        row.addAll(List.of("false", NA, "false", NA));
    }

    private static String ts(Instant t) {
        return REPORT_TIME.format(t);
    }

    private static String bool(boolean b) {
        return b ? "true" : "false";
    }
}

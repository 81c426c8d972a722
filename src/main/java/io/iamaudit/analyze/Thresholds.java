package io.iamaudit.analyze;

import java.util.List;

/**
 * Every number the rules and the least-privilege engine compare against. The defaults are the CIS AWS Foundations
 * Benchmark (v3.0 / v5.0) values where the benchmark names one; the lead binds overrides from {@code application.yml}
 * ({@code iam-audit.thresholds.*}).
 *
 * @param unusedDays                  CIS 1.12 (v3.0) / 1.11 (v5.0): credentials unused for 45 days or more are disabled
 * @param keyRotationDays             CIS 1.14 (v3.0) / 1.13 (v5.0): access keys rotated every 90 days or less
 * @param roleUnusedDays              Access Analyzer's default unused-access age (90 days); CIS has no role control
 * @param rootRecentUseDays           CIS 1.7 (v3.0) / 1.6 (v5.0) says "eliminate use of the root user" without a
 *                                    number; 30 days makes a monthly review see every use
 * @param credentialReportMaxAgeHours IAM regenerates the report at most every 4 hours; older than a day means the
 *                                    collector read a cached report that may miss recent changes
 * @param leastPrivilegeWindowDays    usage window for least privilege; 90 days like Repokid and Access Analyzer
 * @param gracePeriodDays             permissions granted in a policy version younger than this are kept: they may
 *                                    simply not have been used yet (Repokid's "new permission" filter)
 * @param minPasswordLength           CIS 1.8 (v3.0) / 1.7 (v5.0): minimum length 14
 * @param passwordReuse               CIS 1.9 (v3.0) / 1.8 (v5.0) prevents reuse; Security Hub IAM.16 checks 24
 * @param maxPasswordAge              Security Hub IAM.17 (CIS v1.2 1.11): passwords expire within 90 days
 * @param requiredTags                tag keys every user and role must carry (ABAC); empty turns the rule into a no-op
 * @param optOutSidPrefix             statements whose Sid starts with this are never rewritten (Repokid's NOREPO)
 * @param breakGlassNamePatterns      globs on user or role names that least privilege must never touch
 * @param breakGlassTag               tag key marking break-glass identities
 * @param secretRotationDays          Security Hub SecretsManager.4 (default 90): a secret is rotated at least this often,
 *                                    whatever its own schedule says; 0 takes the default
 * @param secretUnusedDays            Security Hub SecretsManager.3 (default 90): a secret not retrieved for this many
 *                                    days is unused; 0 takes the default
 * @param regulatedDataTag            {@code key=value} of the account tag (Organizations) that marks accounts holding
 *                                    regulated data, whose secrets must use a customer managed KMS key (e.g.
 *                                    {@code data-classification=regulated}); empty, the default: no account is
 *                                    regulated, and account tags are not read (a call per account on the
 *                                    organization's shared quota)
 */
public record Thresholds(int unusedDays, int keyRotationDays, int roleUnusedDays, int rootRecentUseDays,
                         int credentialReportMaxAgeHours, int leastPrivilegeWindowDays, int gracePeriodDays,
                         int minPasswordLength, int passwordReuse, int maxPasswordAge, List<String> requiredTags,
                         String optOutSidPrefix, List<String> breakGlassNamePatterns, String breakGlassTag,
                         int secretRotationDays, int secretUnusedDays, String regulatedDataTag) {

    static final int DEFAULT_SECRET_DAYS = 90;
    /** Off: which accounts hold regulated data is each organization's own scheme, and reading tags costs calls. */
    static final String DEFAULT_REGULATED_DATA_TAG = "";

    public Thresholds {
        positive("unusedDays", unusedDays);
        positive("keyRotationDays", keyRotationDays);
        positive("roleUnusedDays", roleUnusedDays);
        positive("rootRecentUseDays", rootRecentUseDays);
        positive("credentialReportMaxAgeHours", credentialReportMaxAgeHours);
        positive("leastPrivilegeWindowDays", leastPrivilegeWindowDays);
        positive("minPasswordLength", minPasswordLength);
        positive("passwordReuse", passwordReuse);
        positive("maxPasswordAge", maxPasswordAge);
        if (gracePeriodDays < 0) {
            throw new IllegalArgumentException("thresholds: gracePeriodDays must be 0 or more, was " + gracePeriodDays);
        }
        requiredTags = requiredTags == null ? List.of() : List.copyOf(requiredTags);
        breakGlassNamePatterns = breakGlassNamePatterns == null ? List.of() : List.copyOf(breakGlassNamePatterns);
        optOutSidPrefix = optOutSidPrefix == null || optOutSidPrefix.isBlank() ? "NOREPO" : optOutSidPrefix;
        secretRotationDays = secretRotationDays == 0 ? DEFAULT_SECRET_DAYS : secretRotationDays;
        secretUnusedDays = secretUnusedDays == 0 ? DEFAULT_SECRET_DAYS : secretUnusedDays;
        positive("secretRotationDays", secretRotationDays);
        positive("secretUnusedDays", secretUnusedDays);
        regulatedDataTag = regulatedDataTag == null ? "" : regulatedDataTag.trim();
        if (!regulatedDataTag.isEmpty() && regulatedDataTag.indexOf('=') < 1) {
            throw new IllegalArgumentException("thresholds: regulatedDataTag must be key=value, was '"
                    + regulatedDataTag + "'");
        }
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("thresholds: " + name + " must be positive, was " + value);
        }
    }

    public static Thresholds defaults() {
        return new Thresholds(45, 90, 90, 30, 24, 90, 14, 14, 24, 90, List.of(), "NOREPO",
                List.of("*break-glass*", "*breakglass*", "*BreakGlass*"), "iam-audit:break-glass",
                DEFAULT_SECRET_DAYS, DEFAULT_SECRET_DAYS, DEFAULT_REGULATED_DATA_TAG);
    }

    public Thresholds withRequiredTags(List<String> tags) {
        return new Thresholds(unusedDays, keyRotationDays, roleUnusedDays, rootRecentUseDays,
                credentialReportMaxAgeHours, leastPrivilegeWindowDays, gracePeriodDays, minPasswordLength,
                passwordReuse, maxPasswordAge, tags, optOutSidPrefix, breakGlassNamePatterns, breakGlassTag,
                secretRotationDays, secretUnusedDays, regulatedDataTag);
    }

    public Thresholds withRegulatedDataTag(String tag) {
        return new Thresholds(unusedDays, keyRotationDays, roleUnusedDays, rootRecentUseDays,
                credentialReportMaxAgeHours, leastPrivilegeWindowDays, gracePeriodDays, minPasswordLength,
                passwordReuse, maxPasswordAge, requiredTags, optOutSidPrefix, breakGlassNamePatterns, breakGlassTag,
                secretRotationDays, secretUnusedDays, tag);
    }

    /** Whether an account's tags mark it as holding regulated data ({@link #regulatedDataTag}). */
    public boolean regulated(java.util.Map<String, String> accountTags) {
        if (regulatedDataTag.isEmpty()) {
            return false;
        }
        int eq = regulatedDataTag.indexOf('=');
        return regulatedDataTag.substring(eq + 1).equals(accountTags.get(regulatedDataTag.substring(0, eq)));
    }
}

package io.iamaudit.analyze;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CIS AWS Foundations Benchmark ids of the catalog, pinned to Prowler's compliance mappings
 * (github.com/prowler-cloud/prowler): {@code prowler/compliance/aws/cis_3.0_aws.json},
 * {@code prowler/compliance/aws/cis_5.0_aws.json} and {@code prowler/compliance/aws/cis_6.0_aws.json}. Each row is
 * the requirement {@code Id} whose {@code Description} and {@code Checks} match what the rule checks. The IAM section
 * is 1 in v3.0 and v5.0 and 2 in v6.0.
 * <p>
 * Two rows do not read straight off a {@code Checks} list: cis_3.0_aws.json has 1.22 ("Ensure access to
 * AWSCloudShellFullAccess is restricted") with an empty {@code Checks} list, mapped by its description; and
 * cis_5.0_aws.json gives "Do not create access keys during initial setup for IAM users with a console password"
 * ({@code iam_user_no_setup_initial_access_key}) the Id "1.1", between 1.9 and 1.11 while "1.1" is also "Maintain
 * current contact details": a typo for 1.10 (v3.0 1.11, v6.0 2.10).
 */
class CisMappingTest {

    private static final String V3 = "v3.0";
    private static final String V5 = "v5.0";
    private static final String V6 = "v6.0";

    /** rule id -> {v3.0, v5.0, v6.0}, literally from the three JSON files named above. */
    private static final Map<String, String[]> EXPECTED = new LinkedHashMap<>();

    static {
        // iam_no_root_access_key: "Ensure no 'root' user account access key exists"
        EXPECTED.put("IAM.ROOT.ACCESS_KEYS", new String[] {"1.4", "1.3", "2.3"});
        // iam_root_mfa_enabled: "Ensure MFA is enabled for the 'root' user account"
        EXPECTED.put("IAM.ROOT.MFA", new String[] {"1.5", "1.4", "2.4"});
        // iam_root_hardware_mfa_enabled: "Ensure hardware MFA is enabled for the 'root' user account"
        EXPECTED.put("IAM.ROOT.HARDWARE_MFA", new String[] {"1.6", "1.5", "2.5"});
        // iam_avoid_root_usage: "Eliminate use of the 'root' user for administrative and daily tasks"
        EXPECTED.put("IAM.ROOT.RECENT_USE", new String[] {"1.7", "1.6", "2.6"});
        // iam_password_policy_minimum_length_14
        EXPECTED.put("IAM.PASSWORD.MIN_LENGTH", new String[] {"1.8", "1.7", "2.7"});
        // iam_password_policy_reuse_24: "Ensure IAM password policy prevents password reuse"
        EXPECTED.put("IAM.PASSWORD.REUSE", new String[] {"1.9", "1.8", "2.8"});
        // iam_user_mfa_enabled_console_access
        EXPECTED.put("IAM.USER.CONSOLE_MFA", new String[] {"1.10", "1.9", "2.9"});
        // iam_user_no_setup_initial_access_key (v5.0: "1.1" in the JSON, see the class comment)
        EXPECTED.put("IAM.USER.KEY_UNUSED_SINCE_SETUP", new String[] {"1.11", "1.10", "2.10"});
        // iam_user_accesskey_unused + iam_user_console_access_unused: "credentials unused for 45 days"
        EXPECTED.put("IAM.USER.KEY_UNUSED", new String[] {"1.12", "1.11", "2.11"});
        EXPECTED.put("IAM.USER.PASSWORD_UNUSED", new String[] {"1.12", "1.11", "2.11"});
        // iam_user_two_active_access_key
        EXPECTED.put("IAM.USER.TWO_ACTIVE_KEYS", new String[] {"1.13", "1.12", "2.12"});
        // iam_rotate_access_key_90_days
        EXPECTED.put("IAM.USER.KEY_ROTATION", new String[] {"1.14", "1.13", "2.13"});
        // iam_policy_attached_only_to_group_or_roles: "Ensure IAM users receive permissions only through groups"
        EXPECTED.put("IAM.USER.DIRECT_POLICIES", new String[] {"1.15", "1.14", "2.14"});
        // iam_aws_attached_policy_no_administrative_privileges + iam_customer_attached_policy_no_...
        EXPECTED.put("IAM.POLICY.FULL_ADMIN", new String[] {"1.16", "1.15", "2.15"});
        // iam_support_role_created
        EXPECTED.put("IAM.SUPPORT.ROLE", new String[] {"1.17", "1.16", "2.16"});
        // iam_no_expired_server_certificates_stored
        EXPECTED.put("IAM.CERT.EXPIRED", new String[] {"1.19", "1.18", "2.18"});
        // accessanalyzer_enabled: "Ensure that IAM (External) Access Analyzer is enabled for all regions"
        EXPECTED.put("IAM.ANALYZER.EXTERNAL_ACCESS", new String[] {"1.20", "1.19", "2.19"});
        // iam_check_saml_providers_sts: "Ensure IAM users are managed centrally via identity federation ..."
        EXPECTED.put("IAM.FEDERATION.NONE", new String[] {"1.21", "1.20", "2.20"});
        // iam_policy_cloudshell_admin_not_attached (v3.0: no check listed, see the class comment)
        EXPECTED.put("IAM.POLICY.CLOUDSHELL_FULL_ACCESS", new String[] {"1.22", "1.21", "2.21"});
    }

    private final RuleCatalog catalog = io.iamaudit.analyze.rules.Rules.catalog();

    @Test
    void representativeRulesCarryTheBenchmarkIdsOfEveryVersion() {
        assertThat(cis("IAM.ROOT.MFA")).containsExactly(Map.entry(V3, "1.5"), Map.entry(V5, "1.4"),
                Map.entry(V6, "2.4"));
        assertThat(cis("IAM.ROOT.ACCESS_KEYS")).containsExactly(Map.entry(V3, "1.4"), Map.entry(V5, "1.3"),
                Map.entry(V6, "2.3"));
        assertThat(cis("IAM.PASSWORD.MIN_LENGTH")).containsExactly(Map.entry(V3, "1.8"), Map.entry(V5, "1.7"),
                Map.entry(V6, "2.7"));
        assertThat(cis("IAM.PASSWORD.REUSE")).containsExactly(Map.entry(V3, "1.9"), Map.entry(V5, "1.8"),
                Map.entry(V6, "2.8"));
        assertThat(cis("IAM.USER.CONSOLE_MFA")).containsExactly(Map.entry(V3, "1.10"), Map.entry(V5, "1.9"),
                Map.entry(V6, "2.9"));
        assertThat(cis("IAM.USER.KEY_UNUSED")).containsExactly(Map.entry(V3, "1.12"), Map.entry(V5, "1.11"),
                Map.entry(V6, "2.11"));
        assertThat(cis("IAM.USER.PASSWORD_UNUSED")).containsExactly(Map.entry(V3, "1.12"), Map.entry(V5, "1.11"),
                Map.entry(V6, "2.11"));
        assertThat(cis("IAM.USER.KEY_ROTATION")).containsExactly(Map.entry(V3, "1.14"), Map.entry(V5, "1.13"),
                Map.entry(V6, "2.13"));
        assertThat(cis("IAM.SUPPORT.ROLE")).containsExactly(Map.entry(V3, "1.17"), Map.entry(V5, "1.16"),
                Map.entry(V6, "2.16"));
        assertThat(cis("IAM.CERT.EXPIRED")).containsExactly(Map.entry(V3, "1.19"), Map.entry(V5, "1.18"),
                Map.entry(V6, "2.18"));
        assertThat(cis("IAM.ANALYZER.EXTERNAL_ACCESS")).containsExactly(Map.entry(V3, "1.20"),
                Map.entry(V5, "1.19"), Map.entry(V6, "2.19"));
        assertThat(cis("IAM.POLICY.CLOUDSHELL_FULL_ACCESS")).containsExactly(Map.entry(V3, "1.22"),
                Map.entry(V5, "1.21"), Map.entry(V6, "2.21"));
    }

    @Test
    void everyCisMappingOfTheCatalogIsTheOneFromTheJson() {
        Map<String, Map<String, String>> actual = catalog.metadata().stream().filter(m -> !m.cis().isEmpty())
                .collect(Collectors.toMap(RuleMetadata::id, RuleMetadata::cis));
        assertThat(actual.keySet()).as("rules with a CIS mapping")
                .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        EXPECTED.forEach((id, v) -> assertThat(actual.get(id)).as(id)
                .containsExactly(Map.entry(V3, v[0]), Map.entry(V5, v[1]), Map.entry(V6, v[2])));
    }

    @Test
    void rulesWithoutABenchmarkControlCarryNoCisId() {
        // no IAM requirement of the three JSON files checks character classes, expiry or service wildcards
        // (Security Hub IAM.11-14, IAM.17, IAM.21 do)
        for (String id : new String[] {"IAM.PASSWORD.POLICY", "IAM.PASSWORD.UPPERCASE", "IAM.PASSWORD.LOWERCASE",
                "IAM.PASSWORD.NUMBER", "IAM.PASSWORD.SYMBOL", "IAM.PASSWORD.MAX_AGE", "IAM.POLICY.SERVICE_WILDCARD"}) {
            assertThat(cis(id)).as(id).isEmpty();
        }
    }

    private Map<String, String> cis(String id) {
        return catalog.rule(id).orElseThrow(() -> new AssertionError("no rule " + id)).metadata().cis();
    }
}

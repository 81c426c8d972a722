package io.iamaudit.analyze;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class PeerCoverageTest {

    /** The 48 IAM checks of Prowler 5.40 (../shared/reference/peers.md). */
    static final Set<String> PROWLER_5_40_IAM = Set.of("iam_administrator_access_with_mfa", "iam_avoid_root_usage",
            "iam_aws_attached_policy_no_administrative_privileges", "iam_check_saml_providers_sts",
            "iam_customer_attached_policy_no_administrative_privileges",
            "iam_customer_unattached_policy_no_administrative_privileges", "iam_group_administrator_access_policy",
            "iam_inline_policy_allows_privilege_escalation", "iam_inline_policy_no_administrative_privileges",
            "iam_inline_policy_no_full_access_to_cloudtrail", "iam_inline_policy_no_full_access_to_kms",
            "iam_inline_policy_no_wildcard_marketplace_subscribe", "iam_no_custom_policy_permissive_role_assumption",
            "iam_no_expired_server_certificates_stored", "iam_no_root_access_key",
            "iam_password_policy_expires_passwords_within_90_days_or_less", "iam_password_policy_lowercase",
            "iam_password_policy_minimum_length_14", "iam_password_policy_number", "iam_password_policy_reuse_24",
            "iam_password_policy_symbol", "iam_password_policy_uppercase", "iam_policy_allows_privilege_escalation",
            "iam_policy_attached_only_to_group_or_roles", "iam_policy_cloudshell_admin_not_attached",
            "iam_policy_no_full_access_to_cloudtrail", "iam_policy_no_full_access_to_kms",
            "iam_policy_no_wildcard_marketplace_subscribe", "iam_role_access_not_stale_to_bedrock",
            "iam_role_administratoraccess_policy", "iam_role_cross_account_readonlyaccess_policy",
            "iam_role_cross_service_confused_deputy_prevention", "iam_root_credentials_management_enabled",
            "iam_root_hardware_mfa_enabled", "iam_root_mfa_enabled", "iam_rotate_access_key_90_days",
            "iam_securityaudit_role_created", "iam_support_role_created", "iam_user_access_not_stale_to_bedrock",
            "iam_user_access_not_stale_to_sagemaker", "iam_user_accesskey_unused", "iam_user_administrator_access_policy",
            "iam_user_console_access_unused", "iam_user_hardware_mfa_enabled", "iam_user_mfa_enabled_console_access",
            "iam_user_no_setup_initial_access_key", "iam_user_two_active_access_key",
            "iam_user_with_temporary_credentials");

    private final PeerCoverage peers = PeerCoverage.bundled();
    private final Set<String> ruleIds = io.iamaudit.analyze.rules.Rules.catalog().rules().stream().map(Rule::id)
            .collect(Collectors.toSet());

    @Test
    void everyProwlerIamCheckIsAccountedForExactlyOnce() {
        List<String> listed = peers.prowler().stream().map(PeerCoverage.PeerCheck::id).toList();
        assertThat(PROWLER_5_40_IAM).hasSize(48);
        assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(PROWLER_5_40_IAM);
    }

    @Test
    void coveredChecksNameRealRulesAndDeclinedOnesGiveAReason() {
        for (PeerCoverage.PeerCheck c : concat(peers.prowler(), peers.cloudsplaining())) {
            assertThat(ruleIds).as("rules of %s", c.id()).containsAll(c.rules());
            if (c.declined()) {
                assertThat(c.note()).as("reason %s is declined", c.id()).isNotBlank();
            }
        }
        assertThat(peers.cloudsplaining()).extracting(PeerCoverage.PeerCheck::id).contains("PrivilegeEscalation",
                "DataExfiltration", "ResourceExposure", "CredentialsExposure", "InfrastructureModification",
                "ServiceWildcard");
    }

    @Test
    void thePeersColumnNamesTheChecksARuleCovers() {
        assertThat(peers.peersOf("IAM.PRINCIPAL.PRIVILEGE_ESCALATION"))
                .isEqualTo("prowler: iam_inline_policy_allows_privilege_escalation, "
                        + "iam_policy_allows_privilege_escalation; cloudsplaining: PrivilegeEscalation");
        assertThat(peers.peersOf("IAM.PRINCIPAL.REQUIRED_TAGS")).isEmpty();
        assertThat(RuleCatalogFormatter.format(io.iamaudit.analyze.rules.Rules.catalog(), RuleCatalogFormatter.Format.CSV))
                .startsWith("id,severity,title,well-architected,cis,security-hub,data sets,soc2,iso27001,nist-800-53,peers\n")
                .contains("prowler: iam_root_mfa_enabled");
    }

    private static List<PeerCoverage.PeerCheck> concat(List<PeerCoverage.PeerCheck> a,
                                                      List<PeerCoverage.PeerCheck> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}

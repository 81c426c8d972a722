package io.iamaudit.collect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AssumeRoleSettingsTest {

    @Test
    void sessionNameIsSanitisedAndAtMost64Characters() {
        AssumeRoleSettings role = new AssumeRoleSettings(null, "", null,
                "2026-11-28T21:00:00Z run/with spaces&stuff-" + "x".repeat(80));

        String name = role.roleSessionName();

        assertThat(name).startsWith("iam-audit-2026-11-28t21-00-00z-run-with-spaces-stuff-");
        assertThat(name).hasSize(64).matches("[\\w+=,.@-]+");
        assertThat(role.roleName()).isEqualTo("OrganizationAccountAccessRole");
        assertThat(role.externalId()).as("blank external id is no external id").isNull();
        assertThat(role.roleArn("111122223333"))
                .isEqualTo("arn:aws:iam::111122223333:role/OrganizationAccountAccessRole");
    }
}

package io.iamaudit.collect;

import io.iamaudit.collect.CredentialReportParser.CredentialReportParseException;
import io.iamaudit.stage.CredentialReport;
import io.iamaudit.stage.CredentialReportRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialReportParserTest {

    private static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,"
            + "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
            + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
            + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,"
            + "access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n";
    private static final String ROOT = "<root_account>,arn:aws:iam::123456789012:root,2019-01-10T08:00:00+00:00,"
            + "not_supported,2025-01-02T10:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,"
            + "N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";
    private static final String ALICE = "alice,arn:aws:iam::123456789012:user/alice,2021-03-02T09:00:00+00:00,TRUE,"
            + "2025-01-15T08:30:00+00:00,2024-06-01T12:00:00+00:00,2024-08-30T12:00:00+00:00,False,true,"
            + "2022-02-11T12:00:00+00:00,2025-01-19T02:06:00+00:00,us-east-1,ec2,true,2024-11-01T00:00:00+00:00,N/A,"
            + "N/A,N/A,false,N/A,false,N/A\n";
    private static final String BOB = "bob,arn:aws:iam::123456789012:user/bob,2024-11-20T10:00:00+00:00,true,"
            + "no_information,2024-11-20T10:00:00+00:00,N/A,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,"
            + "N/A,false,N/A\n";
    private static final Instant GENERATED = Instant.parse("2025-01-20T10:00:00Z");

    private final CredentialReportParser parser = new CredentialReportParser();

    @Test
    void parsesTheCurrentFormatIntoTypedRows() {
        CredentialReport report = parser.parse(HEADER + ROOT + ALICE + BOB, GENERATED);

        assertThat(report.generatedTime()).isEqualTo(GENERATED);
        assertThat(report.rows()).extracting(CredentialReportRow::user)
                .containsExactly("<root_account>", "alice", "bob");
        CredentialReportRow alice = report.rows().get(1);
        assertThat(alice.arn()).isEqualTo("arn:aws:iam::123456789012:user/alice");
        assertThat(alice.userCreationTime()).isEqualTo(Instant.parse("2021-03-02T09:00:00Z"));
        assertThat(alice.passwordEnabled()).isTrue();
        assertThat(alice.passwordNextRotation()).isEqualTo(Instant.parse("2024-08-30T12:00:00Z"));
        assertThat(alice.mfaActive()).isFalse();
        assertThat(alice.accessKeys()).hasSize(2);
        assertThat(alice.accessKeys().get(0).active()).isTrue();
        assertThat(alice.accessKeys().get(0).lastUsedDate()).isEqualTo(Instant.parse("2025-01-19T02:06:00Z"));
        assertThat(alice.accessKeys().get(0).lastUsedRegion()).isEqualTo("us-east-1");
        assertThat(alice.accessKeys().get(0).lastUsedService()).isEqualTo("ec2");
        assertThat(alice.accessKeys().get(1).active()).isTrue();
        assertThat(alice.accessKeys().get(1).lastUsedDate()).isNull();
        assertThat(alice.activeKeys()).hasSize(2);
        assertThat(alice.certificates()).extracting(CredentialReportRow.CertificateSlot::active)
                .containsExactly(false, false);
        assertThat(alice.extra()).isEmpty();
    }

    @Test
    void specialValuesBecomeNull() {
        CredentialReport report = parser.parse(HEADER + ROOT + BOB, GENERATED);

        CredentialReportRow root = report.root().orElseThrow();
        assertThat(root.passwordEnabled()).as("not_supported").isNull();
        assertThat(root.passwordLastChanged()).as("not_supported").isNull();
        assertThat(root.passwordLastUsed()).isEqualTo(Instant.parse("2025-01-02T10:00:00Z"));
        assertThat(root.mfaActive()).isTrue();
        assertThat(root.accessKeys().get(0).lastRotated()).as("N/A").isNull();
        CredentialReportRow bob = report.users().findFirst().orElseThrow();
        assertThat(bob.passwordLastUsed()).as("no_information").isNull();
        assertThat(bob.passwordEnabled()).isTrue();
    }

    @Test
    void keepsEveryColumnOfTheReport() {
        CredentialReportRow alice = parser.parse(HEADER + ROOT + ALICE + BOB, GENERATED).rows().get(1);

        assertThat(CredentialReportParser.KNOWN_COLUMNS).hasSize(22);
        assertThat(alice.passwordLastUsed()).isEqualTo(Instant.parse("2025-01-15T08:30:00Z"));
        assertThat(alice.passwordLastChanged()).isEqualTo(Instant.parse("2024-06-01T12:00:00Z"));
        assertThat(alice.accessKeys().get(0).lastRotated()).isEqualTo(Instant.parse("2022-02-11T12:00:00Z"));
        assertThat(alice.accessKeys().get(1).lastRotated()).isEqualTo(Instant.parse("2024-11-01T00:00:00Z"));
        assertThat(alice.accessKeys().get(1).lastUsedRegion()).isNull();
        assertThat(alice.certificates()).extracting(CredentialReportRow.CertificateSlot::slot).containsExactly(1, 2);
        // every N/A of alice's row is kept by column, and nothing she has a value for
        assertThat(alice.awsWords()).containsOnlyKeys("access_key_2_last_used_date", "access_key_2_last_used_region",
                "access_key_2_last_used_service", "cert_1_last_rotated", "cert_2_last_rotated");
        assertThat(alice.awsWords()).containsValue("N/A").doesNotContainKey("password_last_used");
    }

    @Test
    void keepsAwsWordsAsAwsWroteThem() {
        CredentialReport report = parser.parse(HEADER + ROOT + BOB.replace("N/A,true,false", "n/a,true,false"),
                GENERATED);

        CredentialReportRow root = report.root().orElseThrow();
        assertThat(root.awsWord("password_enabled")).isEqualTo("not_supported");
        assertThat(root.awsWord("password_last_changed")).isEqualTo("not_supported");
        assertThat(root.awsWord("password_next_rotation")).isEqualTo("not_supported");
        assertThat(root.awsWord("access_key_1_last_rotated")).isEqualTo("N/A");
        assertThat(root.awsWord("password_last_used")).as("root's password was used: a date, no word").isNull();
        assertThat(root.awsWord("user")).isNull();
        CredentialReportRow bob = report.users().findFirst().orElseThrow();
        assertThat(bob.awsWord("password_last_used")).isEqualTo("no_information");
        assertThat(bob.awsWord("password_next_rotation")).as("the case AWS used is kept").isEqualTo("n/a");
    }

    @Test
    void unknownColumnsAreNotTakenForAwsWords() {
        String csv = "user,arn,future_column,password_last_used\n"
                + "carol,arn:aws:iam::123456789012:user/carol,N/A,\n";

        CredentialReportRow carol = parser.parse(csv, GENERATED).rows().get(0);

        assertThat(carol.awsWords()).as("a blank is no word, and extra columns stay in extra").isEmpty();
        assertThat(carol.extra()).containsEntry("future_column", "N/A");
    }

    @Test
    void readsColumnsByNameWhateverTheirOrderAndKeepsUnknownOnes() {
        String csv = "arn,mfa_active,user,future_column,password_enabled\n"
                + "arn:aws:iam::123456789012:user/carol,TRUE,carol,some value,false\n";

        CredentialReportRow carol = parser.parse(csv, GENERATED).rows().get(0);

        assertThat(carol.user()).isEqualTo("carol");
        assertThat(carol.arn()).isEqualTo("arn:aws:iam::123456789012:user/carol");
        assertThat(carol.mfaActive()).isTrue();
        assertThat(carol.passwordEnabled()).isFalse();
        assertThat(carol.extra()).containsExactly(java.util.Map.entry("future_column", "some value"));
        // the columns the report lacked read as "no value"
        assertThat(carol.userCreationTime()).isNull();
        assertThat(carol.accessKeys()).extracting(CredentialReportRow.AccessKeySlot::active)
                .containsExactly(false, false);
    }

    @Test
    void aReportCutShortIsAnErrorNotFewerUsers() {
        String truncated = HEADER + ROOT + ALICE.substring(0, 60);

        assertThatThrownBy(() -> parser.parse(truncated, GENERATED))
                .isInstanceOf(CredentialReportParseException.class)
                .hasMessageContaining("truncated after 1 rows");
    }

    @Test
    void aValueCutInsideTheLastFieldIsAnError() {
        String cut = HEADER + ROOT.substring(0, ROOT.length() - 3) + "\n";

        assertThatThrownBy(() -> parser.parse(cut, GENERATED))
                .isInstanceOf(CredentialReportParseException.class)
                .hasMessageContaining("cert_2_last_rotated");
    }

    @Test
    void emptyContentOrMissingIdentityColumnsAreErrors() {
        assertThatThrownBy(() -> parser.parse("", GENERATED)).isInstanceOf(CredentialReportParseException.class);
        assertThatThrownBy(() -> parser.parse("arn,mfa_active\narn:aws:iam::1:user/x,true\n", GENERATED))
                .isInstanceOf(CredentialReportParseException.class).hasMessageContaining("missing user or arn");
    }

    @Test
    void aHeaderWithoutRowsIsAnEmptyReport() {
        assertThat(parser.parse(HEADER, GENERATED).rows()).isEmpty();
    }
}

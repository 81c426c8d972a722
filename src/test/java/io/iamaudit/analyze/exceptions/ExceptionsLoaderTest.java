package io.iamaudit.analyze.exceptions;

import io.iamaudit.analyze.exceptions.ExceptionsLoader.InvalidExceptionsFileException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExceptionsLoaderTest {

    @Test
    void loadsTheExampleFile() {
        ExceptionSet set = ExceptionsLoader.load(Path.of("jobs/exceptions.example.yaml"));
        assertThat(set.exceptions()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(set.exceptions()).allSatisfy(e -> {
            assertThat(e.owner()).isNotBlank();
            assertThat(e.expires()).isAfter(LocalDate.of(2020, 1, 1));
        });
    }

    @Test
    void parsesEveryField() {
        ExceptionSet set = ExceptionsLoader.parse("""
                exceptions:
                  - identity: "arn:aws:iam::*:role/legacy-*"
                    rule: IAM.ROLE.UNUSED
                    account: "012345678901"
                    owner: platform@example.com
                    reason: kept for DR tests
                    expires: 2027-03-31
                """, "x.yaml");
        AuditException e = set.exceptions().get(0);
        assertThat(e.account()).isEqualTo("012345678901");
        assertThat(e.matches("012345678901", "IAM.ROLE.UNUSED", "legacy-db", "arn:aws:iam::012345678901:role/legacy-db"))
                .isTrue();
        assertThat(e.matches("999999999999", "IAM.ROLE.UNUSED", "legacy-db", "arn:aws:iam::999999999999:role/legacy-db"))
                .isFalse();
        assertThat(e.matches("012345678901", "IAM.ROLE.OTHER", "legacy-db", "arn:aws:iam::012345678901:role/legacy-db"))
                .isFalse();
        assertThat(e.activeOn(LocalDate.of(2027, 3, 31))).isTrue();
        assertThat(e.activeOn(LocalDate.of(2027, 4, 1))).isFalse();
    }

    @Test
    void emptyFileExceptsNothing() {
        assertThat(ExceptionsLoader.parse("", "empty.yaml").exceptions()).isEmpty();
    }

    @Test
    void badFilesGiveOneLineErrorsNamingFileAndEntry() {
        assertError("exceptions:\n  - identity: x\n    rule: IAM.A.B\n    reason: r\n    expires: 2027-01-01\n",
                "f.yaml: exception 1: 'owner' is required");
        assertError("exceptions:\n  - {identity: x, rule: IAM.A.B, owner: o, reason: r, expires: 31/12/2027}\n",
                "f.yaml: exception 1: expires '31/12/2027' is not a date (YYYY-MM-DD)");
        assertError("exceptions:\n  - {identity: x, rule: root-mfa, owner: o, reason: r, expires: 2027-01-01}\n",
                "f.yaml: exception 1: rule 'root-mfa' is not a rule id (IAM.X.Y) or *");
        assertError("exceptions:\n  - {identity: x, rule: '*', owner: o, reason: r, expires: 2027-01-01, until: 1}\n",
                "f.yaml: exception 1: unknown key 'until'");
        assertError("exceptions:\n  - {identity: x, rule: '*', owner: o, reason: r, expires: 2027-01-01, account: 12}\n",
                "f.yaml: exception 1: account '12' is not a 12-digit id");
        assertError("- just a list\n", "f.yaml: expected a top-level 'exceptions:' list");
        assertError("exceptions: [\n", "f.yaml: not valid YAML");
    }

    private static void assertError(String yaml, String message) {
        assertThatThrownBy(() -> ExceptionsLoader.parse(yaml, "f.yaml"))
                .isInstanceOf(InvalidExceptionsFileException.class).hasMessageStartingWith(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}

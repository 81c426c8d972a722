package io.iamaudit.analyze;

import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.AuthorizationDetails;
import io.iamaudit.stage.CredentialReport;
import io.iamaudit.stage.CredentialReportRow;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;

/** Small helpers rules share to read the snapshot and word their evidence. */
public final class Evidence {
    private Evidence() {
    }

    public static long daysBetween(Instant from, Instant to) {
        return Duration.between(from, to).toDays();
    }

    public static String date(Instant instant) {
        return instant == null ? "never" : LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    public static CredentialReport report(AccountSnapshot s) {
        return s.credentialReport().value();
    }

    public static AuthorizationDetails auth(AccountSnapshot s) {
        return s.authorization().value();
    }

    public static Stream<CredentialReportRow> users(AccountSnapshot s) {
        return report(s).users();
    }

    public static boolean console(CredentialReportRow row) {
        return Boolean.TRUE.equals(row.passwordEnabled());
    }

    public static Violation user(CredentialReportRow row, String evidence) {
        return Violation.of("User", row.user(), row.arn(), evidence);
    }

    public static Violation account(AccountSnapshot s, String evidence) {
        String id = s.account().accountId();
        return Violation.of("Account", id, "arn:aws:iam::" + id + ":root", evidence);
    }

    public static Violation root(AccountSnapshot s, String evidence) {
        String id = s.account().accountId();
        return Violation.of("RootUser", "<root_account>", "arn:aws:iam::" + id + ":root", evidence);
    }

    public static CredentialReportRow rootRow(AccountSnapshot s) {
        return report(s).root().orElseThrow(() -> new NotEvaluatedException(DataSet.CREDENTIAL_REPORT,
                "the credential report has no <root_account> row"));
    }
}

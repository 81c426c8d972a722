package io.iamaudit.stage;

import java.time.Instant;
import java.util.List;

/** The IAM credential report of one account, parsed by column name. */
public record CredentialReport(Instant generatedTime, List<CredentialReportRow> rows) {
    public CredentialReport {
        rows = List.copyOf(rows);
    }

    public static final String ROOT_USER = "<root_account>";

    public java.util.Optional<CredentialReportRow> root() {
        return rows.stream().filter(CredentialReportRow::isRoot).findFirst();
    }

    public java.util.stream.Stream<CredentialReportRow> users() {
        return rows.stream().filter(r -> !r.isRoot());
    }
}

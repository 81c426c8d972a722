package io.iamaudit.collect;

import com.opencsv.CSVReaderHeaderAware;
import com.opencsv.exceptions.CsvValidationException;
import io.iamaudit.stage.CredentialReport;
import io.iamaudit.stage.CredentialReportRow;
import io.iamaudit.stage.CredentialReportRow.AccessKeySlot;
import io.iamaudit.stage.CredentialReportRow.CertificateSlot;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses the IAM credential report CSV by header name, so AWS may reorder or add columns: unknown columns land in
 * {@code extra}, missing optional columns read as "no value". AWS's special values ({@code N/A},
 * {@code no_information}, {@code not_supported}) become {@code null} in the typed fields, which the rules read, and
 * are kept as AWS wrote them in {@code awsWords}, which the report shows. A report cut short is an error, never a
 * shorter list of users.
 */
public final class CredentialReportParser {

    static final Set<String> KNOWN_COLUMNS = Set.of("user", "arn", "user_creation_time", "password_enabled",
            "password_last_used", "password_last_changed", "password_next_rotation", "mfa_active",
            "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
            "access_key_1_last_used_region", "access_key_1_last_used_service",
            "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date",
            "access_key_2_last_used_region", "access_key_2_last_used_service",
            "cert_1_active", "cert_1_last_rotated", "cert_2_active", "cert_2_last_rotated");
    private static final Set<String> SPECIAL_VALUES = Set.of("n/a", "no_information", "not_supported");

    public CredentialReport parse(String csv, Instant generatedTime) {
        if (csv == null || csv.isBlank()) {
            throw new CredentialReportParseException("credential report is empty");
        }
        List<CredentialReportRow> rows = new ArrayList<>();
        try (CSVReaderHeaderAware reader = new CSVReaderHeaderAware(new StringReader(csv))) {
            Map<String, String> line;
            while ((line = reader.readMap()) != null) {
                rows.add(row(line, rows.size() + 2));
            }
        } catch (IOException | CsvValidationException e) {
            throw new CredentialReportParseException("credential report is malformed or truncated after "
                    + rows.size() + " rows: " + e.getMessage(), e);
        }
        return new CredentialReport(generatedTime, rows);
    }

    private static CredentialReportRow row(Map<String, String> raw, int lineNumber) {
        Map<String, String> line = new LinkedHashMap<>();
        raw.forEach((k, v) -> line.put(k.trim(), v));
        Values values = new Values(line, lineNumber);
        String user = values.text("user");
        String arn = values.text("arn");
        if (user == null || arn == null) {
            throw new CredentialReportParseException("line " + lineNumber + ": missing user or arn");
        }
        List<AccessKeySlot> keys = List.of(accessKey(values, 1), accessKey(values, 2));
        List<CertificateSlot> certificates = List.of(
                new CertificateSlot(1, values.flag("cert_1_active"), values.time("cert_1_last_rotated")),
                new CertificateSlot(2, values.flag("cert_2_active"), values.time("cert_2_last_rotated")));
        Map<String, String> extra = new LinkedHashMap<>();
        line.forEach((column, value) -> {
            if (!KNOWN_COLUMNS.contains(column)) {
                extra.put(column, value);
            }
        });
        return new CredentialReportRow(user, arn, values.time("user_creation_time"),
                values.bool("password_enabled"), values.time("password_last_used"),
                values.time("password_last_changed"), values.time("password_next_rotation"),
                values.flag("mfa_active"), keys, certificates, extra, awsWords(line));
    }

    /** The known columns whose cell is one of AWS's words, with the word exactly as AWS wrote it. */
    private static Map<String, String> awsWords(Map<String, String> line) {
        Map<String, String> words = new LinkedHashMap<>();
        line.forEach((column, value) -> {
            if (KNOWN_COLUMNS.contains(column) && value != null && isAwsWord(value.trim())) {
                words.put(column, value.trim());
            }
        });
        return words;
    }

    private static boolean isAwsWord(String value) {
        return SPECIAL_VALUES.contains(value.toLowerCase(Locale.ROOT));
    }

    private static AccessKeySlot accessKey(Values values, int slot) {
        String prefix = "access_key_" + slot + "_";
        return new AccessKeySlot(slot, values.flag(prefix + "active"), values.time(prefix + "last_rotated"),
                values.time(prefix + "last_used_date"), values.text(prefix + "last_used_region"),
                values.text(prefix + "last_used_service"));
    }

    /** Typed access to one line's cells; absent columns and special values read as {@code null}. */
    private record Values(Map<String, String> line, int lineNumber) {

        String text(String column) {
            String value = line.get(column);
            if (value == null) {
                return null;
            }
            String trimmed = value.trim();
            return trimmed.isEmpty() || isAwsWord(trimmed) ? null : trimmed;
        }

        Boolean bool(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            if (value.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (value.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
            throw new CredentialReportParseException(
                    "line " + lineNumber + ", column " + column + ": not a boolean: " + value);
        }

        boolean flag(String column) {
            return Boolean.TRUE.equals(bool(column));
        }

        Instant time(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new CredentialReportParseException(
                        "line " + lineNumber + ", column " + column + ": not an ISO 8601 time: " + value, e);
            }
        }
    }

    /** The report could not be read; the credential report data set is then recorded as failed. */
    public static final class CredentialReportParseException extends RuntimeException {
        public CredentialReportParseException(String message) {
            super(message);
        }

        public CredentialReportParseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

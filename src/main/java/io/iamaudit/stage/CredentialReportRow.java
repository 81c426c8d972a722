package io.iamaudit.stage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One row of the credential report. AWS's special values ({@code N/A}, {@code no_information},
 * {@code not_supported}) become {@code null}: "no value", typed.
 *
 * @param passwordEnabled {@code null} for the root row, where AWS reports {@code not_supported}
 * @param accessKeys      always the two key slots, in order
 * @param extra           columns this version does not know, kept by header name
 * @param awsWords        for each known column whose cell held one of AWS's words rather than a value, the word as
 *                        AWS wrote it ({@code N/A}, {@code no_information}, {@code not_supported}): the typed field is
 *                        {@code null}, and the report shows AWS's word instead of a blank
 */
public record CredentialReportRow(String user, String arn, Instant userCreationTime, Boolean passwordEnabled,
                                  Instant passwordLastUsed, Instant passwordLastChanged,
                                  Instant passwordNextRotation, boolean mfaActive,
                                  List<AccessKeySlot> accessKeys, List<CertificateSlot> certificates,
                                  Map<String, String> extra, Map<String, String> awsWords) {
    public CredentialReportRow {
        accessKeys = List.copyOf(accessKeys);
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
        // rows staged before AWS's words were kept read back without them
        awsWords = awsWords == null ? Map.of() : Map.copyOf(awsWords);
    }

    /** A row without AWS's words: built in code rather than parsed from a report. */
    public CredentialReportRow(String user, String arn, Instant userCreationTime, Boolean passwordEnabled,
                               Instant passwordLastUsed, Instant passwordLastChanged, Instant passwordNextRotation,
                               boolean mfaActive, List<AccessKeySlot> accessKeys, List<CertificateSlot> certificates,
                               Map<String, String> extra) {
        this(user, arn, userCreationTime, passwordEnabled, passwordLastUsed, passwordLastChanged,
                passwordNextRotation, mfaActive, accessKeys, certificates, extra, Map.of());
    }

    /** AWS's word in {@code column} (a credential report header such as {@code password_last_used}), or null. */
    public String awsWord(String column) {
        return awsWords.get(column);
    }

    public boolean isRoot() {
        return CredentialReport.ROOT_USER.equals(user);
    }

    public List<AccessKeySlot> activeKeys() {
        return accessKeys.stream().filter(AccessKeySlot::active).toList();
    }

    /** One of the two access-key column groups ({@code access_key_1_*}, {@code access_key_2_*}). */
    public record AccessKeySlot(int slot, boolean active, Instant lastRotated, Instant lastUsedDate,
                                String lastUsedRegion, String lastUsedService) {
    }

    /** One of the two X.509 signing-certificate column groups. */
    public record CertificateSlot(int slot, boolean active, Instant lastRotated) {
    }
}

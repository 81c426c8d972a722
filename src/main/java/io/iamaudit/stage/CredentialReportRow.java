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
 */
public record CredentialReportRow(String user, String arn, Instant userCreationTime, Boolean passwordEnabled,
                                  Instant passwordLastUsed, Instant passwordLastChanged,
                                  Instant passwordNextRotation, boolean mfaActive,
                                  List<AccessKeySlot> accessKeys, List<CertificateSlot> certificates,
                                  Map<String, String> extra) {
    public CredentialReportRow {
        accessKeys = List.copyOf(accessKeys);
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
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

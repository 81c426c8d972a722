package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.CredentialReportRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The root user's credentials as the credential report and GetAccountSummary show them. With centralized root access
 * (Organizations, RootCredentialsManagement) a member account's root has none: no password, keys, signing
 * certificates or MFA. The credential report cannot show a root password that was never used (root's
 * {@code password_enabled} is always {@code not_supported}); a password ever used shows in
 * {@code password_last_used}. Reading the login profile itself needs sts:AssumeRoot, which iam-audit does not do.
 */
final class RootCredentials {
    private RootCredentials() {
    }

    /** What the root row and the summary show present; empty when the row is missing (nothing is known). */
    static Optional<List<String>> present(AccountSnapshot s) {
        if (s.credentialReport().get().isEmpty() || s.summary().get().isEmpty()) {
            return Optional.empty();
        }
        Optional<CredentialReportRow> row = s.credentialReport().value().root();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        CredentialReportRow r = row.get();
        List<String> out = new ArrayList<>();
        if (r.passwordLastUsed() != null) {
            out.add("a password (last used " + io.iamaudit.analyze.Evidence.date(r.passwordLastUsed()) + ")");
        }
        if (!r.activeKeys().isEmpty() || s.summary().value().rootAccessKeysPresent()) {
            out.add("access keys");
        }
        if (r.certificates().stream().anyMatch(CredentialReportRow.CertificateSlot::active)) {
            out.add("signing certificates");
        }
        if (r.mfaActive() || s.summary().value().rootMfaEnabled()) {
            out.add("an MFA device");
        }
        return Optional.of(out);
    }

    /**
     * A member account whose root shows no credential at all (centralized root access removed them): the root-MFA
     * rules have nothing to protect there. Unknown (no report, or the management account not known) is false.
     */
    static boolean memberWithoutCredentials(AccountSnapshot s, AnalysisContext ctx) {
        return ctx.memberAccount(s) && present(s).map(List::isEmpty).orElse(false);
    }
}

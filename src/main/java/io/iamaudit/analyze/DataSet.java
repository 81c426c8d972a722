package io.iamaudit.analyze;

import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Collected;

import java.util.function.Function;

/** The data sets of an {@link AccountSnapshot} a rule can depend on. */
public enum DataSet {
    CREDENTIAL_REPORT(AccountSnapshot::credentialReport),
    AUTHORIZATION(AccountSnapshot::authorization),
    PASSWORD_POLICY(AccountSnapshot::passwordPolicy),
    ACCOUNT_SUMMARY(AccountSnapshot::summary),
    IDENTITY_PROVIDERS(AccountSnapshot::identityProviders),
    VIRTUAL_MFA_DEVICES(AccountSnapshot::virtualMfaDevices),
    SERVER_CERTIFICATES(AccountSnapshot::serverCertificates),
    LAST_ACCESSED(AccountSnapshot::lastAccessed),
    ACCESS_ANALYZER(AccountSnapshot::accessAnalyzer);

    private final Function<AccountSnapshot, Collected<?>> accessor;

    DataSet(Function<AccountSnapshot, Collected<?>> accessor) {
        this.accessor = accessor;
    }

    /** The reason this data set is unusable in the snapshot, or {@code null} when it was collected. */
    public String missingReason(AccountSnapshot snapshot) {
        Collected<?> c = accessor.apply(snapshot);
        if (c == null) {
            return "not collected";
        }
        if (c.missing()) {
            return c.error();
        }
        return c.value() == null ? "collected without a value" : null;
    }
}

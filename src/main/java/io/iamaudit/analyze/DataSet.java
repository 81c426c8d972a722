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
    ACCESS_ANALYZER(AccountSnapshot::accessAnalyzer),
    /** Secrets Manager, region by region; a rule over it also checks the regions that could not be read. */
    SECRETS(AccountSnapshot::secrets),
    /**
     * Organization-wide, read only in the snapshot of the account the runner works from: absent elsewhere, which is
     * not missing data (a rule reading it has nothing to judge in those accounts); a failed read is.
     */
    ORGANIZATION_FEATURES(AccountSnapshot::organizationFeatures, true);

    private final Function<AccountSnapshot, Collected<?>> accessor;
    private final boolean readInOneAccount;

    DataSet(Function<AccountSnapshot, Collected<?>> accessor) {
        this(accessor, false);
    }

    DataSet(Function<AccountSnapshot, Collected<?>> accessor, boolean readInOneAccount) {
        this.accessor = accessor;
        this.readInOneAccount = readInOneAccount;
    }

    /** The reason this data set is unusable in the snapshot, or {@code null} when it was collected. */
    public String missingReason(AccountSnapshot snapshot) {
        Collected<?> c = accessor.apply(snapshot);
        if (c == null) {
            return readInOneAccount ? null : "not collected";
        }
        if (c.missing()) {
            return c.error();
        }
        return c.value() == null ? "collected without a value" : null;
    }
}

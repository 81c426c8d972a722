package io.iamaudit.collect;

import io.iamaudit.stage.PasswordPolicy;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

import java.util.Optional;

/** The account password policy; an account without one (NoSuchEntity) yields an empty Optional, not an error. */
public final class PasswordPolicyCollector {

    private final IamClient iam;

    public PasswordPolicyCollector(IamClient iam) {
        this.iam = iam;
    }

    public Optional<PasswordPolicy> collect() {
        software.amazon.awssdk.services.iam.model.PasswordPolicy p;
        try {
            p = iam.getAccountPasswordPolicy().passwordPolicy();
        } catch (NoSuchEntityException e) {
            return Optional.empty();
        }
        return Optional.of(new PasswordPolicy(p.minimumPasswordLength() == null ? 0 : p.minimumPasswordLength(),
                isTrue(p.requireSymbols()), isTrue(p.requireNumbers()), isTrue(p.requireUppercaseCharacters()),
                isTrue(p.requireLowercaseCharacters()), isTrue(p.allowUsersToChangePassword()),
                isTrue(p.expirePasswords()), positiveOrNull(p.maxPasswordAge()),
                positiveOrNull(p.passwordReusePrevention()), isTrue(p.hardExpiry())));
    }

    private static boolean isTrue(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    /** IAM omits (or some look-alikes send 0 for) "not set"; both mean no limit. */
    private static Integer positiveOrNull(Integer i) {
        return i == null || i <= 0 ? null : i;
    }
}

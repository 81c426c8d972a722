package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.Evidence;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.IamRole;
import io.iamaudit.stage.IdentityProvider;

import java.util.ArrayList;
import java.util.List;

/** How people reach the account without IAM users: SAML/OIDC providers in IAM, or IAM Identity Center roles. */
final class Federation {
    private Federation() {
    }

    /** The federation in place, one text per mechanism; empty when there is none. */
    static List<String> mechanisms(AccountSnapshot s) {
        List<String> out = new ArrayList<>();
        for (IdentityProvider p : s.identityProviders().value()) {
            out.add(p.type() + " provider " + p.arn());
        }
        long sso = Evidence.auth(s).roles().stream().filter(IamRole::identityCenterReserved).count();
        if (sso > 0) {
            out.add("IAM Identity Center (" + sso + " permission-set roles)");
        }
        return out;
    }
}

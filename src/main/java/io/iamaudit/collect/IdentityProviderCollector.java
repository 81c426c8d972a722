package io.iamaudit.collect;

import io.iamaudit.stage.IdentityProvider;
import software.amazon.awssdk.services.iam.IamClient;

import java.util.ArrayList;
import java.util.List;

/**
 * SAML and OIDC identity providers. The OIDC provider's URL is the part of its ARN after {@code oidc-provider/}
 * (IAM builds the ARN from it), which spares one GetOpenIDConnectProvider call per provider.
 */
public final class IdentityProviderCollector {

    private static final String OIDC_MARKER = ":oidc-provider/";

    private final IamClient iam;

    public IdentityProviderCollector(IamClient iam) {
        this.iam = iam;
    }

    public List<IdentityProvider> collect() {
        List<IdentityProvider> providers = new ArrayList<>();
        iam.listSAMLProviders().samlProviderList()
                .forEach(p -> providers.add(new IdentityProvider(IdentityProvider.Type.SAML, p.arn(), null)));
        iam.listOpenIDConnectProviders().openIDConnectProviderList()
                .forEach(p -> providers.add(new IdentityProvider(IdentityProvider.Type.OIDC, p.arn(), oidcUrl(p.arn()))));
        return providers;
    }

    static String oidcUrl(String arn) {
        int at = arn == null ? -1 : arn.indexOf(OIDC_MARKER);
        return at < 0 ? null : "https://" + arn.substring(at + OIDC_MARKER.length());
    }
}

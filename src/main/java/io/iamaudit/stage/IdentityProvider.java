package io.iamaudit.stage;

/** A SAML or OIDC identity provider registered in IAM. */
public record IdentityProvider(Type type, String arn, String url) {
    public enum Type { SAML, OIDC }
}

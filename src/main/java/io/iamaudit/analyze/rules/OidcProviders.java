package io.iamaudit.analyze.rules;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * OIDC identity providers whose tokens are issued to anyone with an account there (any GitHub repository, any GitLab
 * project, any Terraform Cloud workspace, any pod of the cluster): a role trusting one must say whose token it
 * accepts through the provider's {@code :sub} claim. Hosts as they appear in the provider ARN
 * ({@code oidc-provider/<host>}).
 */
enum OidcProviders {
    GITHUB_ACTIONS("GitHub Actions", "token\\.actions\\.githubusercontent\\.com(/.*)?"),
    GITLAB("GitLab", "(.+\\.)?gitlab\\.[a-z.]+(/.*)?|gitlab\\..+"),
    TERRAFORM_CLOUD("Terraform Cloud", "app\\.terraform\\.io"),
    BITBUCKET("Bitbucket Pipelines", "api\\.bitbucket\\.org/2\\.0/workspaces/.+"),
    CIRCLECI("CircleCI", "oidc\\.circleci\\.com/org/.+"),
    EKS("EKS service accounts (IRSA)", "oidc\\.eks\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/id/.+");

    /**
     * A subject that leaves the owner open: {@code *}, {@code repo:*...}, {@code project_path:*...},
     * {@code organization:*...}, {@code system:serviceaccount:*...}.
     */
    private static final Pattern OPEN_SUBJECT = Pattern.compile("\\*|[a-z_]+:\\*.*|system:serviceaccount:\\*.*");

    final String label;
    private final Pattern host;

    OidcProviders(String label, String host) {
        this.label = label;
        this.host = Pattern.compile(host);
    }

    /** The provider of a federated principal ARN, with the host the condition keys are prefixed with. */
    static Optional<Known> of(String federatedPrincipal) {
        int at = federatedPrincipal.indexOf(":oidc-provider/");
        if (at < 0) {
            return Optional.empty();
        }
        String providerHost = federatedPrincipal.substring(at + ":oidc-provider/".length());
        for (OidcProviders p : values()) {
            if (p.host.matcher(providerHost).matches()) {
                return Optional.of(new Known(p, providerHost));
            }
        }
        return Optional.empty();
    }

    static boolean openSubject(String value) {
        return OPEN_SUBJECT.matcher(value.trim()).matches();
    }

    /** A recognised provider and its host. */
    record Known(OidcProviders provider, String host) {
        String subjectKey() {
            return host + ":sub";
        }
    }

    static List<String> labels() {
        return java.util.Arrays.stream(values()).map(p -> p.label).toList();
    }
}

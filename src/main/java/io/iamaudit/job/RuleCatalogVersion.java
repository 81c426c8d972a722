package io.iamaudit.job;

/** The version of the rule catalog the analysis used, recorded in every manifest. */
public record RuleCatalogVersion(String value) {
}

package io.iamaudit.job;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the organization analyzers' findings are read ({@code iam-audit.access-analyzer-findings.*}).
 *
 * @param organizationWide one listing per organization analyzer for the whole run ({@code ListFindingsV2} without
 *                         an account filter, in the background), rather than one listing per account and analyzer.
 *                         Used by an {@code org-audit} that collects at least a quarter of its audited accounts; a
 *                         restart collecting a few failed accounts, and {@code account-audit}, list per account,
 *                         which is then fewer calls. {@code false} always lists per account
 */
@ConfigurationProperties("iam-audit.access-analyzer-findings")
public record FindingsListingProperties(@DefaultValue("true") boolean organizationWide) {

    /** Whether collecting {@code toCollect} of {@code audited} accounts in a run of {@code kind} lists org-wide. */
    boolean organizationWide(String kind, int toCollect, int audited) {
        return organizationWide && "org-audit".equals(kind) && toCollect >= 2 && toCollect * 4L >= audited;
    }
}

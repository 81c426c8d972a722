package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Severity;

import java.util.List;

import static io.iamaudit.analyze.DataSet.SERVER_CERTIFICATES;
import static io.iamaudit.analyze.RuleMetadata.rule;

/** No expired SSL/TLS server certificates stored in IAM. */
public final class ExpiredCertificateRule extends BaseRule {
    public ExpiredCertificateRule() {
        super(rule("IAM.CERT.EXPIRED", "No expired server certificates in IAM", Severity.MEDIUM)
                .wellArchitected("SEC02-BP05")
                .cis("v3.0", "1.19").cis("v5.0", "1.18").cis("v6.0", "2.18").securityHub("IAM.26")
                .rationale("An expired certificate can be deployed by mistake and breaks clients' trust.")
                .remediation("Delete the certificate (DeleteServerCertificate); manage certificates in ACM.")
                .needs(SERVER_CERTIFICATES).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return s.serverCertificates().value().stream()
                .filter(c -> c.expiration() != null && c.expiration().isBefore(ctx.asOf(s)))
                .map(c -> Violation.of("ServerCertificate", c.name(), c.arn(), "expired "
                        + Evidence.date(c.expiration())))
                .toList();
    }
}

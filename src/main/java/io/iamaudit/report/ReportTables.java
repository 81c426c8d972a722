package io.iamaudit.report;

import io.iamaudit.stage.Finding;

/** The eight tables of the report, each bound once from the template and shared by both writers. */
public record ReportTables(Table<Finding> findings, Table<VerifiedRecommendation> leastPrivilege,
                           Table<CredentialRow> credentials, Table<PrincipalRow> principals,
                           Table<AnalyzerFindingRow> accessAnalyzer, Table<CoverageRow> coverage,
                           Table<ControlRow> controls, Table<SecretRow> secrets) {

    public static ReportTables bind(ReportTemplate template) {
        return new ReportTables(
                Table.bind(template.table("findings"), FindingColumns.extractors()),
                Table.bind(template.table("least_privilege"), VerificationColumns.extractors()),
                Table.bind(template.table("credentials"), CredentialColumns.extractors()),
                Table.bind(template.table("principals"), PrincipalColumns.extractors()),
                Table.bind(template.table("access_analyzer"), AnalyzerColumns.extractors()),
                Table.bind(template.table("coverage"), CoverageColumns.coverage()),
                Table.bind(template.table("controls"), CoverageColumns.controls()),
                Table.bind(template.table("secrets"), SecretColumns.extractors()));
    }
}

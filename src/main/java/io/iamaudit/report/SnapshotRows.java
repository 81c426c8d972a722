package io.iamaudit.report;

import io.iamaudit.stage.AuthorizationDetails;
import io.iamaudit.stage.CredentialReport;
import io.iamaudit.stage.CredentialReportRow;
import io.iamaudit.stage.IamRole;
import io.iamaudit.stage.IamUser;
import io.iamaudit.stage.ReportSnapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Derives the per-account report rows (credentials, principals, Access Analyzer findings) from one snapshot. */
final class SnapshotRows {
    private SnapshotRows() {
    }

    static Stream<CredentialRow> credentials(ReportSnapshot snapshot) {
        return snapshot.credentialReport().get().stream().flatMap(report -> {
            Instant asOf = report.generatedTime() != null ? report.generatedTime() : snapshot.collectedAt();
            return report.rows().stream().map(row -> new CredentialRow(snapshot.account().accountId(),
                    snapshot.account().name(), row, asOf));
        });
    }

    static Stream<PrincipalRow> principals(ReportSnapshot snapshot) {
        return snapshot.authorization().get().stream().flatMap(details -> {
            Map<String, CredentialReportRow> byArn = snapshot.credentialReport().get()
                    .map(CredentialReport::rows).orElse(List.of()).stream()
                    .filter(r -> r.arn() != null)
                    .collect(Collectors.toMap(CredentialReportRow::arn, Function.identity(), (a, b) -> a));
            return Stream.concat(users(snapshot, details, byArn), roles(snapshot, details));
        });
    }

    static Stream<AnalyzerFindingRow> analyzerFindings(ReportSnapshot snapshot) {
        return snapshot.accessAnalyzer().get().stream().flatMap(state -> state.findings().stream()
                .map(f -> new AnalyzerFindingRow(snapshot.account().accountId(), f)));
    }

    static Stream<SecretRow> secrets(ReportSnapshot snapshot, java.util.Set<String> organization) {
        if (snapshot.secrets() == null) {
            return Stream.empty();
        }
        return snapshot.secrets().get().stream().flatMap(inventory -> inventory.secrets()
                .map(s -> new SecretRow(snapshot.account().accountId(), snapshot.account().name(), s,
                        snapshot.collectedAt(), organization)));
    }

    private static Stream<PrincipalRow> users(ReportSnapshot snapshot, AuthorizationDetails details,
                                              Map<String, CredentialReportRow> credentialsByArn) {
        return details.users().stream().map(u -> userRow(snapshot, u, credentialsByArn.get(u.arn())));
    }

    private static PrincipalRow userRow(ReportSnapshot snapshot, IamUser user, CredentialReportRow credentials) {
        Instant lastUsed = credentials == null ? null
                : new CredentialRow(null, null, credentials, snapshot.collectedAt()).lastUsed();
        return new PrincipalRow(snapshot.account().accountId(), snapshot.account().name(), "User", user.userName(),
                user.arn(), user.path(), user.createDate(), lastUsed, user.attachedPolicies(),
                user.inlinePolicies(), user.groups(), user.permissionsBoundaryArn(), user.tags(),
                snapshot.collectedAt());
    }

    private static Stream<PrincipalRow> roles(ReportSnapshot snapshot, AuthorizationDetails details) {
        return details.roles().stream().map((IamRole r) -> new PrincipalRow(snapshot.account().accountId(),
                snapshot.account().name(), "Role", r.roleName(), r.arn(), r.path(), r.createDate(),
                r.lastUsedDate(), r.attachedPolicies(), r.inlinePolicies(), List.of(), r.permissionsBoundaryArn(),
                r.tags(), snapshot.collectedAt()));
    }
}

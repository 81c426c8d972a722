package io.iamaudit.sandbox.handler;

import io.iamaudit.sandbox.state.CredentialReportCsv;
import io.iamaudit.sandbox.state.CredentialReports;
import io.iamaudit.sandbox.wire.AwsException;
import io.iamaudit.sandbox.wire.SandboxRequest;
import io.iamaudit.sandbox.wire.SandboxResponse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * GenerateCredentialReport and GetCredentialReport: STARTED, then INPROGRESS until the configured delay has passed,
 * then COMPLETE; GetCredentialReport answers ReportNotPresent (410) before any generation and ReportInProgress (404)
 * while one runs.
 */
final class IamCredentialReport {

    private final SandboxContext ctx;
    private final IamHandler iam;

    IamCredentialReport(SandboxContext ctx, IamHandler iam) {
        this.ctx = ctx;
        this.iam = iam;
    }

    SandboxResponse generate(SandboxRequest r) {
        CredentialReports.State state = ctx.credentialReports().generate(r.caller().accountId(), Instant.now());
        String description = switch (state) {
            case STARTED -> "No report exists. Starting a new report generation task";
            case INPROGRESS -> "Report generation in progress.";
            case COMPLETE -> "Report generation complete.";
        };
        return iam.ok(r, x -> x.el("State", state.name()).el("Description", description));
    }

    SandboxResponse get(SandboxRequest r) {
        CredentialReports.Generation g = ctx.credentialReports().latest(r.caller().accountId());
        if (g == null) {
            throw new AwsException(410, "ReportNotPresent",
                    "Credential report not present. Please call GenerateCredentialReport first.");
        }
        if (!g.complete(Instant.now())) {
            throw new AwsException(404, "ReportInProgress", "Credential report is still being generated.");
        }
        String csv = CredentialReportCsv.write(iam.directory(r));
        String content = Base64.getEncoder().encodeToString(csv.getBytes(StandardCharsets.UTF_8));
        return iam.ok(r, x -> x.el("Content", content).el("ReportFormat", "text/csv").el("GeneratedTime", g.ready()));
    }
}

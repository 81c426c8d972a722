package io.iamaudit.collect;

import io.iamaudit.stage.CredentialReport;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CredentialReportExpiredException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotPresentException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotReadyException;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.ReportStateType;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The IAM credential report: GenerateCredentialReport until COMPLETE, then GetCredentialReport. IAM reuses a report
 * younger than four hours, so generating is cheap when one exists. {@link #start()} lets the account collector kick
 * generation off before its synchronous work and {@link #await()} pick the report up afterwards.
 */
public final class CredentialReportCollector {

    private final IamClient iam;
    private final Poller poller;
    private final CredentialReportParser parser = new CredentialReportParser();

    public CredentialReportCollector(IamClient iam, Poller poller) {
        this.iam = iam;
        this.poller = poller;
    }

    public CredentialReport collect() {
        start();
        return await();
    }

    /** Asks IAM to generate a report (or reuse a recent one); returns without waiting. */
    public ReportStateType start() {
        return iam.generateCredentialReport().state();
    }

    /** Waits for a complete report and parses it. */
    public CredentialReport await() {
        GetCredentialReportResponse report = poller.poll("credential report", this::tryGet);
        String csv = report.content() == null ? "" : report.content().asString(StandardCharsets.UTF_8);
        return parser.parse(csv, report.generatedTime());
    }

    private Optional<GetCredentialReportResponse> tryGet() {
        if (iam.generateCredentialReport().state() != ReportStateType.COMPLETE) {
            return Optional.empty();
        }
        try {
            return Optional.of(iam.getCredentialReport());
        } catch (CredentialReportNotReadyException | CredentialReportNotPresentException
                 | CredentialReportExpiredException e) {
            // in progress: wait; not present or expired: the next GenerateCredentialReport starts a new one
            return Optional.empty();
        }
    }
}

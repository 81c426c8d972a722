package io.iamaudit.publish;

import io.iamaudit.report.InMemoryStagingRepository;
import io.iamaudit.report.ReportBundle;
import io.iamaudit.report.ReportGenerator;
import io.iamaudit.report.ReportTemplate;
import io.iamaudit.report.SampleRun;
import io.iamaudit.report.WorkbookLimits;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Real report bundles of the sample run, under any run id, for publishing tests. */
final class Bundles {
    static final Instant NOW = Instant.parse("2026-11-28T22:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ReportTemplate TEMPLATE = ReportTemplate.loadDefault();

    private Bundles() {
    }

    static ReportBundle report(Path work, String runId, Instant started) {
        InMemoryStagingRepository repo = new InMemoryStagingRepository();
        SampleRun.fill(repo, runId, started);
        return new ReportGenerator(TEMPLATE, WorkbookLimits.excel(), CLOCK)
                .generate(repo, runId, work.resolve(runId), "rules-2026.11");
    }
}

package io.iamaudit.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Builds reports of the sample run for tests. */
final class ReportFixtures {
    static final Instant GENERATED = Instant.parse("2026-11-28T21:30:00Z");
    static final ReportTemplate TEMPLATE = ReportTemplate.loadDefault();

    private ReportFixtures() {
    }

    static ReportBundle generate(InMemoryStagingRepository repo, Path folder, WorkbookLimits limits) {
        return new ReportGenerator(TEMPLATE, limits, Clock.fixed(GENERATED, ZoneOffset.UTC))
                .generate(repo, SampleRun.RUN_ID, folder, "rules-2026.11");
    }

    static ReportBundle generate(InMemoryStagingRepository repo, Path folder) {
        return generate(repo, folder, WorkbookLimits.excel());
    }
}

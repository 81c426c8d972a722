package io.iamaudit.report;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTimingsTest {

    @Test
    void survivesTheStepExecutionContextAsSpringBatchStoresIt() throws Exception {
        // given
        ReportTimings timings = new ReportTimings(new WriterTiming(525_362, 87_700_000_000L, 81_200_000_000L),
                new WriterTiming(650_000, 40_500_000_000L, 38_900_000_000L));
        ExecutionContext context = new ExecutionContext();
        timings.asContext().forEach(context::putLong);

        // when: written and read back the way the JDBC DAO does
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DefaultExecutionContextSerializer().serialize(new HashMap<>(context.toMap()), out);
        Map<String, Object> read = new DefaultExecutionContextSerializer()
                .deserialize(new ByteArrayInputStream(out.toByteArray()));

        // then: milliseconds survive, finer digits do not
        ReportTimings back = ReportTimings.fromContext(read);
        assertThat(back.workbook()).isEqualTo(new WriterTiming(525_362, 87_700_000_000L, 81_200_000_000L));
        assertThat(back.csv().rows()).isEqualTo(650_000);
        assertThat(back.csv().cpuNanos()).isEqualTo(38_900_000_000L);
        assertThat(back.workbook().rowsPerSecond()).isEqualTo(5_990);
    }

    @Test
    void aContextWithoutTheReportStepsFiguresReadsAsNone() {
        assertThat(ReportTimings.fromContext(Map.of("published", "s3://bucket/run"))).isEqualTo(ReportTimings.NONE);
    }

    @Test
    void theStopwatchCountsTheCallingThreadsCpu() {
        WriterTiming.Stopwatch watch = WriterTiming.start();
        long spin = 0;
        for (int i = 0; i < 20_000_000; i++) {
            spin += i % 7;
        }
        WriterTiming t = watch.stop(spin > 0 ? 3 : 0);
        assertThat(t.rows()).isEqualTo(3);
        assertThat(t.wallNanos()).isPositive();
        assertThat(t.cpuNanos()).isPositive().isLessThanOrEqualTo(t.wallNanos() + 20_000_000);
    }
}

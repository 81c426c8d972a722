package io.iamaudit.analyze;

import io.iamaudit.analyze.run.AccountAnalyzer;
import io.iamaudit.analyze.run.AccountAnalysis;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.iamaudit.analyze.SnapshotFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** One analyzer shared by parallel partitions gives every account the same result as a sequential run. */
class ParallelAnalysisTest {

    @Test
    void sharedAnalyzerIsThreadSafe() throws Exception {
        AccountAnalyzer analyzer = new AccountAnalyzer();
        SnapshotFixtures f = clean().withRole(role("app").inline("p", allow("*"))
                        .lastAccessed(service("s3", daysAgo(1)), service("ec2", null)))
                .withUser(user("ci").key(daysAgo(200), daysAgo(1)).inline("x", allow("s3:*", "sqs:*"))
                        .lastAccessed(service("s3", daysAgo(2)), service("sqs", null)));
        AccountAnalysis expected = analyzer.analyze(f.build(), context());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<AccountAnalysis>> runs = IntStream.range(0, 16)
                    .mapToObj(i -> pool.submit(() -> analyzer.analyze(f.build(), context()))).toList();
            for (Future<AccountAnalysis> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

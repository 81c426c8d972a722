package io.iamaudit.analyze;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules never call AWS: no source file of analyze or policy mentions the AWS SDK, by import or fully qualified
 * name. (A source scan rather than ArchUnit: it runs in milliseconds on a busy build machine.)
 */
class AnalyzeDependencyTest {

    @Test
    void analyzeAndPolicyDoNotUseTheAwsSdk() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java/io/iamaudit/analyze")),
                Files.walk(Path.of("src/main/java/io/iamaudit/policy")))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).hasSizeGreaterThan(60);
        for (Path p : sources) {
            assertThat(Files.readString(p)).as(p.toString()).doesNotContain("software.amazon.awssdk");
        }
    }
}

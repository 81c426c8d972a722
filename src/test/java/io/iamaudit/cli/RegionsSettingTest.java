package io.iamaudit.cli;

import io.iamaudit.job.ExitCode;
import io.iamaudit.job.RegionProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code iam-audit.regions}: known names pass, an unknown one stops the run with one line and exit 2. */
class RegionsSettingTest {

    private static RegionProperties bind(String regions) {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("iam-audit.regions", regions)));
        return binder.bindOrCreate("iam-audit", Bindable.of(RegionProperties.class));
    }

    @Test
    void knownRegionsAreKeptInOrderAndEmptyMeansAskEachAccount() {
        assertThat(bind("eu-west-1, us-east-1").regions()).containsExactly("eu-west-1", "us-east-1");
        assertThat(new RegionProperties(null).regions()).isEmpty();
        assertThat(new RegionProperties(List.of()).regions()).isEmpty();
    }

    @Test
    void anUnknownRegionIsAUsageErrorOnOneLine() {
        Throwable failure = null;
        try {
            bind("us-east-1,eu-westt-1");
        } catch (RuntimeException e) {
            failure = e;
        }
        assertThat(failure).isNotNull();
        FailureLine line = FailureLine.of(failure, "jdbc:h2:mem:x", Path.of("."));
        assertThat(line.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(line.line()).contains("iam-audit.regions").contains("eu-westt-1").doesNotContain("\n");
        assertThatThrownBy(() -> new RegionProperties(List.of("mars-north-1")))
                .hasMessageContaining("unknown region mars-north-1");
    }
}

package io.iamaudit.collect;

import io.iamaudit.stage.ServiceLastAccessed;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.TrackedActionLastAccessed;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SharedStringsTest {

    @Test
    void equalStringsBecomeOneCopyAndNullStaysNull() {
        SharedStrings shared = new SharedStrings();
        String first = shared.of(new String("s3:GetObject"));
        assertThat(shared.of(new String("s3:GetObject"))).isSameAs(first).isEqualTo("s3:GetObject");
        assertThat(shared.of(null)).isNull();
        assertThat(shared.size()).isEqualTo(1);
    }

    @Test
    void pastTheLimitStringsAreKeptAsGivenAndTheTableStopsGrowing() {
        SharedStrings shared = new SharedStrings();
        for (int i = 0; i < SharedStrings.LIMIT; i++) {
            shared.of("action-" + i);
        }
        String late = new String("not-seen-before");
        assertThat(shared.of(late)).isSameAs(late);
        assertThat(shared.size()).isEqualTo(SharedStrings.LIMIT);
        // strings already shared are still shared
        assertThat(shared.of(new String("action-7"))).isSameAs(shared.of("action-7"));
    }

    @Test
    void twoResponsesLastAccessedDetailsShareTheirServiceActionAndRegionStrings() {
        ServiceLastAccessed a = LastAccessedCollector.service(response());
        ServiceLastAccessed b = LastAccessedCollector.service(response());
        assertThat(a).isEqualTo(b);
        assertThat(b.serviceNamespace()).isSameAs(a.serviceNamespace());
        assertThat(b.serviceName()).isSameAs(a.serviceName());
        assertThat(b.lastAuthenticatedRegion()).isSameAs(a.lastAuthenticatedRegion());
        assertThat(b.trackedActions().get(0).actionName()).isSameAs(a.trackedActions().get(0).actionName());
        assertThat(b.trackedActions().get(0).lastAccessedRegion())
                .isSameAs(a.trackedActions().get(0).lastAccessedRegion());
        assertThat(a.trackedActions().get(1).lastAccessedTime()).isNull();
    }

    /** A fresh response, each string a new copy, as the SDK's unmarshaller builds them. */
    private static software.amazon.awssdk.services.iam.model.ServiceLastAccessed response() {
        return software.amazon.awssdk.services.iam.model.ServiceLastAccessed.builder()
                .serviceNamespace(new String("s3")).serviceName(new String("Amazon S3"))
                .lastAuthenticated(Instant.parse("2026-12-01T00:00:00Z"))
                .lastAuthenticatedRegion(new String("eu-west-1"))
                .trackedActionsLastAccessed(
                        TrackedActionLastAccessed.builder().actionName(new String("GetObject"))
                                .lastAccessedTime(Instant.parse("2026-12-01T00:00:00Z"))
                                .lastAccessedRegion(new String("eu-west-1")).build(),
                        TrackedActionLastAccessed.builder().actionName(new String("PutObject")).build())
                .build();
    }
}

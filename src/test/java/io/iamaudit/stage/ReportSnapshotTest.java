package io.iamaudit.stage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ReportSnapshotTest {

    @Test
    void everyDataSetOfTheSnapshotIsEitherReadOrNamedAsSkipped() {
        Stream<String> read = Arrays.stream(ReportSnapshot.class.getRecordComponents()).map(RecordComponent::getName);
        Stream<String> skipped = Arrays.stream(ReportSnapshot.class.getAnnotation(JsonIgnoreProperties.class).value());
        assertThat(Stream.concat(read, skipped).toList()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(AccountSnapshot.class.getRecordComponents()).map(RecordComponent::getName).toList());
    }

    @Test
    void readsTheReportedPartsOfAStagedSnapshot() {
        AccountSnapshot snapshot = SampleSnapshots.snapshot("111122223333");
        assertThat(StageJson.read(StageJson.write(snapshot), ReportSnapshot.class))
                .isEqualTo(ReportSnapshot.of(snapshot));
    }
}

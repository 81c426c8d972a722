package io.iamaudit.history;

import io.iamaudit.publish.FolderVersionedObject;
import io.iamaudit.publish.OutputLocation;
import io.iamaudit.publish.StoreReadException;
import io.iamaudit.publish.VersionedObject;
import io.iamaudit.publish.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.iamaudit.history.FindingLedgerTest.A;
import static io.iamaudit.history.FindingLedgerTest.B;
import static io.iamaudit.history.FindingLedgerTest.DAY1;
import static io.iamaudit.history.FindingLedgerTest.DAY2;
import static io.iamaudit.history.FindingLedgerTest.run;
import static io.iamaudit.history.FindingLedgerTest.seen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistoryLedgerTest {

    @TempDir
    Path out;

    @Test
    void aWriterThatLosesTheRaceMergesInsteadOfOverwriting() {
        // given a ledger that another writer (an engineer's account-audit of B) updates between our read and write
        Path file = out.resolve(HistoryLedger.PATH);
        FolderVersionedObject folder = new FolderVersionedObject(file);
        HistoryLedger other = new HistoryLedger(folder, store());
        AtomicBoolean raced = new AtomicBoolean();
        VersionedObject racing = new VersionedObject() {
            @Override
            public Optional<Version> read() {
                return folder.read();
            }

            @Override
            public boolean replace(byte[] content, String expectedTag) {
                if (raced.compareAndSet(false, true)) {
                    other.record(run("account-audit", DAY1, Set.of(B), seen("fb", B, "R1", DAY1)));
                }
                return folder.replace(content, expectedTag);
            }

            @Override
            public String address() {
                return folder.address();
            }
        };
        folder.replace(LedgerCsv.write(new FindingLedger()), null);

        // when the org run records account A
        new HistoryLedger(racing, store()).record(run("org", DAY2, Set.of(A), seen("fa", A, "R1", DAY2)));

        // then both updates are in the ledger
        FindingLedger after = new HistoryLedger(folder, store()).load();
        assertThat(after.entry("fa")).isPresent();
        assertThat(after.entry("fb")).isPresent();
        assertThat(raced).isTrue();
    }

    @Test
    void anUnreadableLedgerStopsWithOneLineAndIsLeftAsIs() throws Exception {
        Path file = out.resolve(HistoryLedger.PATH);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "this is not a gzip file");
        HistoryLedger ledger = new HistoryLedger(new FolderVersionedObject(file), store());

        assertThatThrownBy(ledger::load).isInstanceOf(StoreReadException.class)
                .hasMessageContaining("cannot read the findings ledger " + file)
                .message().doesNotContain("\n");
        assertThatThrownBy(() -> ledger.record(run("r", DAY1, Set.of(A)))).isInstanceOf(StoreReadException.class);
        assertThat(Files.readString(file)).isEqualTo("this is not a gzip file");
    }

    @Test
    void aMissingLedgerOfAnEmptyStoreIsCreatedEmpty() {
        Path file = out.resolve(HistoryLedger.PATH);

        FindingLedger ledger = new HistoryLedger(new FolderVersionedObject(file), store()).load();

        assertThat(ledger.size()).isZero();
        assertThat(file).exists();
    }

    private RunStore store() {
        return RunStore.at(new OutputLocation.Folder(out), null);
    }
}

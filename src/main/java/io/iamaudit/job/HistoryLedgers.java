package io.iamaudit.job;

import io.iamaudit.history.HistoryLedger;
import io.iamaudit.publish.FolderVersionedObject;
import io.iamaudit.publish.OutputLocation;
import io.iamaudit.publish.S3PublishOptions;
import io.iamaudit.publish.S3VersionedObject;
import io.iamaudit.publish.RunStore;

/** The findings ledger and the run store of the configured output, folder or S3 alike. */
final class HistoryLedgers {
    private HistoryLedgers() {
    }

    static RunStore runStore(OutputLocation location, LazyS3Client s3) {
        return RunStore.at(location, location instanceof OutputLocation.S3 ? s3.get() : null);
    }

    static HistoryLedger of(AuditProperties properties, OutputLocation location, LazyS3Client s3) {
        RunStore runs = runStore(location, s3);
        if (location instanceof OutputLocation.S3 bucket) {
            return new HistoryLedger(new S3VersionedObject(s3.get(), bucket, HistoryLedger.PATH,
                    publishOptions(properties)), runs);
        }
        return new HistoryLedger(new FolderVersionedObject(((OutputLocation.Folder) location).directory()
                .resolve(HistoryLedger.PATH)), runs);
    }

    static S3PublishOptions publishOptions(AuditProperties properties) {
        return properties.kmsKeyId() == null || properties.kmsKeyId().isBlank()
                ? S3PublishOptions.defaults() : S3PublishOptions.defaults().withKms(properties.kmsKeyId());
    }
}

/**
 * Publishing a run's report files to a folder or an S3 bucket under {@code runs/<yyyy>/<mm>/<dd>/<run-id>/}, in an
 * order that never exposes half a run: every file, then {@code manifest.json} (the completion marker, with row counts
 * and SHA-256 of every file), then {@code latest.json} pointing at the run. {@link io.iamaudit.publish.RunStore} reads
 * the published runs back (the findings ledger and the quarterly report use it), so the output store's layout is
 * known in this package only.
 */
package io.iamaudit.publish;

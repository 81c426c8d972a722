/**
 * The quarterly auditor report: reads every complete nightly run of a quarter back from the output store (its
 * manifests and csv files, verified against their SHA-256, since the store and not a container's database is the
 * system of record), folds them into one compact state per finding, and publishes one workbook for the auditors'
 * sign-off under {@code quarterly/<yyyy>-Q<n>/}.
 */
package io.iamaudit.quarterly;

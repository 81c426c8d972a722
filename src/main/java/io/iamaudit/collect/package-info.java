/**
 * Collection: one collector per AWS data set, each returning staged records ({@code io.iamaudit.stage}), run for one
 * account by {@link io.iamaudit.collect.AccountCollector} inside an {@link io.iamaudit.collect.AccountSession}.
 * <p>
 * For the job: build one {@link io.iamaudit.collect.AwsClientFactory} per run; look the organization's analyzers up
 * once with {@link io.iamaudit.collect.OrgAnalyzerLocator}; then per partition call
 * {@link io.iamaudit.collect.AccountPartition#collect} and stage its coverage and snapshot. A data set that fails is
 * recorded in its {@code Collected}; only an account that cannot be entered or read at all is FAILED.
 */
package io.iamaudit.collect;

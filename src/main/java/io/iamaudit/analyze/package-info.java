/**
 * Analysis: pure rules over one account's staged snapshot, the least-privilege engine and the exceptions that
 * accept findings. Nothing here calls AWS (a test keeps the AWS SDK out).
 * Entry point: {@link io.iamaudit.analyze.run.AccountAnalyzer}.
 */
package io.iamaudit.analyze;

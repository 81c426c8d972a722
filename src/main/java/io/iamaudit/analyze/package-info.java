/**
 * Analysis: pure rules over one account's staged snapshot, the least-privilege engine and the exceptions that
 * accept findings. Nothing here calls AWS (an architecture test keeps {@code software.amazon.awssdk} out).
 * Entry point: {@link io.iamaudit.analyze.AccountAnalyzer}.
 */
package io.iamaudit.analyze;

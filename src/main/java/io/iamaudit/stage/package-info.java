/**
 * The staged snapshot: records that cross the boundary between collection and analysis, and the JDBC store that keeps
 * them keyed by run and account. Nothing here calls AWS; {@code analyze} and {@code report} depend only on this package.
 */
package io.iamaudit.stage;

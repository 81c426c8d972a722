package io.iamaudit.report;

import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A table and where its rows come from. Each call to {@code rows} opens a new stream over the staging store; the
 * writer closes it.
 */
public record TableRows<R>(Table<R> table, Supplier<Stream<R>> rows) {
}

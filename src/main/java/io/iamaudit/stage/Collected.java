package io.iamaudit.stage;

import java.util.Optional;
import java.util.function.Function;

/**
 * One data set as collected: either the value AWS returned, or the reason it could not be collected.
 * Missing data is data: a rule whose input is {@link #missing()} reports "not evaluated", never "pass".
 */
public record Collected<T>(T value, String error) {

    public static <T> Collected<T> of(T value) {
        return new Collected<>(value, null);
    }

    public static <T> Collected<T> failed(String error) {
        return new Collected<>(null, error == null ? "unknown error" : error);
    }

    public boolean missing() {
        return error != null;
    }

    public Optional<T> get() {
        return missing() ? Optional.empty() : Optional.ofNullable(value);
    }

    public <R> Collected<R> map(Function<T, R> f) {
        return missing() ? failed(error) : of(f.apply(value));
    }
}

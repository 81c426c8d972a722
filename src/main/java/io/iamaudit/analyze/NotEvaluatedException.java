package io.iamaudit.analyze;

/**
 * Thrown from {@link BaseRule#check} when a collected data set turns out not to hold what the rule needs (e.g. a
 * credential report without the root row, as some AWS look-alikes produce): the rule is NOT_EVALUATED, not passed.
 */
public final class NotEvaluatedException extends RuntimeException {
    private final DataSet dataSet;

    public NotEvaluatedException(DataSet dataSet, String reason) {
        super(reason);
        this.dataSet = dataSet;
    }

    public DataSet dataSet() {
        return dataSet;
    }
}

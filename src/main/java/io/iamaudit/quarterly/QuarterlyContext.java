package io.iamaudit.quarterly;

import java.time.Instant;

/**
 * What the workbook says about how it was made.
 *
 * @param previous the --previous workbook's file name, or {@code null}
 * @param carried     findings whose auditor decisions were carried forward from it
 * @param preliminary built before the quarter ended: runs may still come, so it is not the final report
 */
public record QuarterlyContext(QuarterHistory history, Instant generatedAt, String toolVersion, String previous,
                               long carried, boolean preliminary) {

    public java.time.LocalDate builtOn() {
        return java.time.LocalDate.ofInstant(generatedAt, java.time.ZoneOffset.UTC);
    }
}

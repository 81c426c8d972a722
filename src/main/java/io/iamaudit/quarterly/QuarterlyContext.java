package io.iamaudit.quarterly;

import java.time.Instant;

/**
 * What the workbook says about how it was made.
 *
 * @param previous the --previous workbook's file name, or {@code null}
 * @param carried  findings whose auditor decisions were carried forward from it
 */
public record QuarterlyContext(QuarterHistory history, Instant generatedAt, String toolVersion, String previous,
                               long carried) {
}

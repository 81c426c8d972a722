/**
 * The run's findings in the formats security tools read: OCSF Compliance Finding (JSON lines) and the AWS Security
 * Finding Format (a JSON array), written beside the workbook, and the optional import into AWS Security Hub. Reads
 * staged findings and rule metadata; see docs/exports.md for the mapping.
 */
package io.iamaudit.export;

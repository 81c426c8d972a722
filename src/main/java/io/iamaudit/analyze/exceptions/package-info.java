/**
 * Accepted risks: a YAML file of exceptions (identity pattern, rule, optional account, owner, reason, expiry) that
 * turn matching findings into EXCEPTED ones until they expire. The format is documented in {@code docs/exceptions.md}.
 */
package io.iamaudit.analyze.exceptions;

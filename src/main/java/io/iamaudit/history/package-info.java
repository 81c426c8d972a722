/**
 * The findings ledger: per finding id, when it was first and last seen, in which runs, and when it was resolved,
 * kept in the output store ({@code history/findings.csv.gz}) and updated by every published run for the accounts it
 * audited. First-seen dates come from here, never from a single previous run.
 */
package io.iamaudit.history;

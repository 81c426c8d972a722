/**
 * The sandbox's live state: the organization and each account's IAM directory resolved from the scenario (ARNs,
 * ids, timestamps), who a caller is, the sessions AssumeRole issued, and the asynchronous jobs (credential reports,
 * service last accessed details) with their state machines.
 */
package io.iamaudit.sandbox.state;

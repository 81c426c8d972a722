package io.iamaudit.report;

import io.iamaudit.stage.Secret;

import java.time.Instant;
import java.util.Set;

/**
 * A Secrets Manager secret in the account whose snapshot carried it. Its name and metadata only: the audit never
 * reads a secret's value, so there is none to show.
 *
 * @param asOf         when the secret was read: the ages are counted to it
 * @param organization the run's accounts: a policy naming one of them is not exposure outside the organization
 */
public record SecretRow(String accountId, String accountName, Secret secret, Instant asOf, Set<String> organization) {
}

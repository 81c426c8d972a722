package io.iamaudit.sandbox.handler;

import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.sandbox.state.CredentialReports;
import io.iamaudit.sandbox.state.LastAccessedJobs;
import io.iamaudit.sandbox.state.OrganizationState;
import io.iamaudit.sandbox.state.SessionStore;

import java.util.function.Predicate;

/**
 * What the handlers share: the organization, the issued sessions, the asynchronous jobs, the action catalog, and
 * the one fault a handler itself must consult (AssumeRole denied for an account).
 */
public record SandboxContext(OrganizationState org, SessionStore sessions, CredentialReports credentialReports,
                             LastAccessedJobs lastAccessedJobs, ActionCatalog catalog,
                             Predicate<String> assumeRoleDenied) {
}

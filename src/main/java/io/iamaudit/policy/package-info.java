/**
 * IAM policy documents as data: parsing (every grammar form: single strings or lists, NotAction, NotResource,
 * conditions), action patterns with IAM's wildcards, and the offline action catalog used to expand them.
 * Policy text is only ever parsed as JSON, never evaluated as anything else.
 */
package io.iamaudit.policy;

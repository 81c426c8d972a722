/**
 * Discovery: the organization's accounts with their OU paths (and tags, when a filter selects by tag), and the {@link
 * io.iamaudit.discover.AccountFilter} deciding which are audited. Every account is kept, skipped ones with the reason.
 */
package io.iamaudit.discover;

/**
 * Policy risk as data: the privilege-escalation catalog and the evaluation of a principal's effective permissions
 * (identity policies, Deny, NotAction / NotResource and permissions boundaries) against it. No AWS SDK here.
 */
package io.iamaudit.analyze.risk;

/**
 * Least privilege, Repokid-style: pure functions from a principal's policies and its usage (last-accessed,
 * Access Analyzer unused-access findings) to a verdict and a proposed policy per document, every removal with its
 * evidence and every safety rail named. {@link io.iamaudit.analyze.leastprivilege.LeastPrivilegeEngine} is the entry.
 */
package io.iamaudit.analyze.leastprivilege;

/**
 * The sandbox organization as data: scenario records read from YAML (every age in days relative to now, so a
 * scenario never goes stale), their validation, the seeded generator used by the benchmark, and the AWS managed
 * policy documents the scenarios may attach.
 */
package io.iamaudit.sandbox.scenario;

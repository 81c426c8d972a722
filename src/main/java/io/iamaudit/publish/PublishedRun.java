package io.iamaudit.publish;

/**
 * The outcome of publishing: where the run went and what its manifest says.
 *
 * @param latest whether {@code latest.json} now points at this run (false when a later run was already published)
 */
public record PublishedRun(String runId, String location, Manifest manifest, boolean latest) {
}

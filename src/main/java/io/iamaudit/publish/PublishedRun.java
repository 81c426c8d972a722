package io.iamaudit.publish;

/** The outcome of publishing: where the run went and what its manifest says. */
public record PublishedRun(String runId, String location, Manifest manifest) {
}

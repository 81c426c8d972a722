package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccessAnalyzerState.AnalyzerFinding;

/** Turns an Access Analyzer finding into a violation on the resource it is about. */
final class AnalyzerFindings {
    private AnalyzerFindings() {
    }

    static Violation violation(AnalyzerFinding f, String evidence) {
        String resource = f.resource() == null ? f.id() : f.resource();
        String name = resource.contains("/") ? resource.substring(resource.lastIndexOf('/') + 1) : resource;
        String type = f.resourceType() == null ? "Resource" : f.resourceType().replace("AWS::", "").replace("::", ".");
        return new Violation(type, name, resource, f.id(), evidence + " (finding " + f.id() + ")", null);
    }
}

package io.iamaudit.report;

import java.util.Map;

/** The Summary sheet's name, title and labels, from the template. */
public record SummarySpec(String sheet, String title, Map<String, String> labels) {
    public SummarySpec {
        labels = Map.copyOf(labels);
    }

    /** The label for {@code key}; a missing label is a template error, reported with its key. */
    public String label(String key) {
        String label = labels.get(key);
        if (label == null) {
            throw new IllegalStateException("reports template: summary label '" + key + "' is missing");
        }
        return label;
    }
}

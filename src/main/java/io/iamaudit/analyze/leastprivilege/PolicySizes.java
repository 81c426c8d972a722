package io.iamaudit.analyze.leastprivilege;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * IAM's policy size quotas (IAM User Guide, "IAM and AWS STS quotas"), counted as IAM does: characters without
 * whitespace.
 */
public final class PolicySizes {
    /** Managed policy document. */
    public static final int MANAGED = 6_144;
    /** Aggregate of all inline policies of one user. */
    public static final int INLINE_USER = 2_048;
    /** Aggregate of all inline policies of one role. */
    public static final int INLINE_ROLE = 10_240;
    /** Aggregate of all inline policies of one group. */
    public static final int INLINE_GROUP = 5_120;

    private PolicySizes() {
    }

    public static int size(JsonNode doc) {
        if (doc == null) {
            return 0;
        }
        String text = doc.toString();
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /**
     * Greedy split of a document's statements into documents that each fit {@code limit}; a single statement larger
     * than the limit stays alone (and still does not fit: the caller says so).
     */
    public static List<ObjectNode> split(ObjectNode doc, int limit) {
        List<ObjectNode> parts = new ArrayList<>();
        ObjectNode current = empty(doc);
        for (JsonNode st : doc.withArray("Statement")) {
            ObjectNode candidate = current.deepCopy();
            candidate.withArray("Statement").add(st);
            if (size(candidate) > limit && !current.withArray("Statement").isEmpty()) {
                parts.add(current);
                current = empty(doc);
                current.withArray("Statement").add(st);
            } else {
                current = candidate;
            }
        }
        if (!current.withArray("Statement").isEmpty()) {
            parts.add(current);
        }
        return parts;
    }

    private static ObjectNode empty(ObjectNode doc) {
        ObjectNode out = doc.deepCopy();
        out.set("Statement", out.arrayNode());
        return out;
    }

    static int statementCount(ArrayNode statements) {
        return statements.size();
    }
}

package io.iamaudit.analyze;

import io.iamaudit.policy.PolicyDocument;

import java.time.Instant;
import java.util.Optional;

/**
 * One policy document that grants a principal permissions, and how it is attached.
 *
 * @param arn               managed policy ARN; {@code null} for inline policies
 * @param group             the group it comes through ({@code attachment == GROUP}), else {@code null}
 * @param versionCreateDate when the managed policy's default version was created; {@code null} for inline policies
 */
public record PolicySource(String name, String arn, Attachment attachment, String group, String document,
                           Instant versionCreateDate) {

    /** How the document reaches the principal. */
    public enum Attachment { MANAGED, INLINE, GROUP }

    public boolean managed() {
        return arn != null;
    }

    public boolean awsManaged() {
        return arn != null && arn.contains(":iam::aws:policy/");
    }

    private static final LruCache<String, Optional<PolicyDocument>> PARSED = new LruCache<>(4096);

    /**
     * The parsed document, or empty when the text is not a policy (reported, never guessed at). Parsed documents are
     * shared (cached by text): treat them as read-only.
     */
    public Optional<PolicyDocument> parsed() {
        return parse(document);
    }

    /** Parses through the shared cache; empty for text that is not a policy document. */
    public static Optional<PolicyDocument> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return PARSED.get(text, t -> {
            try {
                return Optional.of(PolicyDocument.parse(t));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /** A short label for evidence: {@code managed AdministratorAccess}, {@code inline s3-read}, ... */
    public String label() {
        String kind = attachment == Attachment.GROUP ? "group " + group + (managed() ? " managed " : " inline ")
                : managed() ? "managed " : "inline ";
        return kind + name;
    }
}

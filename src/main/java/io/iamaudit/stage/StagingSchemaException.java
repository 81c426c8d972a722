package io.iamaudit.stage;

/**
 * The staging database holds staging tables this release cannot account for (not those of a known release, and no
 * schema history): iam-audit stops rather than guess how to migrate them. The message is one line for the user.
 */
public final class StagingSchemaException extends IllegalStateException {

    public StagingSchemaException(String message) {
        super(message);
    }
}

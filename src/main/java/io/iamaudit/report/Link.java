package io.iamaudit.report;

/** A LINK cell: the text shown and where it points (the csv shows only the text). */
public record Link(String label, String url) {
}

package io.iamaudit.report;

/**
 * A word shown in a date or number column where the data holds no date or number: AWS's own words in the credential
 * report ({@code N/A}, {@code no_information}, {@code not_supported}), or {@code never} for a credential AWS reports
 * as never used. An auditor then reads what AWS said rather than a blank that could mean "not collected". Both
 * writers show it as text; the column keeps its type for every other row.
 */
public record Word(String text) {
    public static final Word NEVER = new Word("never");

    public Word {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a word needs text");
        }
    }

    /** The word, or {@code null} for no word. */
    static Word of(String text) {
        return text == null || text.isBlank() ? null : new Word(text);
    }
}

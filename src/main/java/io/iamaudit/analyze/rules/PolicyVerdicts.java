package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.LruCache;
import io.iamaudit.analyze.PolicySource;
import io.iamaudit.policy.PolicyDocument;

import java.util.Optional;
import java.util.function.Function;

/**
 * A per-policy rule's verdict on policy documents, kept by document text across accounts: a verdict depends on the
 * document alone, the same AWS managed and customer policies are judged in account after account, and judging one
 * means expanding its wildcards through the action catalog (thousands of actions for {@code *}-like statements).
 */
final class PolicyVerdicts {

    /** Enough for the distinct documents of a few accounts analysed at once; past it, the least recent are redone. */
    private static final int CAPACITY = 1024;

    private final Function<PolicyDocument, Optional<String>> finding;
    private final LruCache<String, Optional<String>> byText = new LruCache<>(CAPACITY);

    /** @param finding the rule's verdict on one document; an empty answer is no violation */
    PolicyVerdicts(Function<PolicyDocument, Optional<String>> finding) {
        this.finding = finding;
    }

    /** The verdict on a document's text; empty (no violation) for text that is not a policy document. */
    Optional<String> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return byText.get(text, t -> PolicySource.parse(t).flatMap(finding));
    }
}

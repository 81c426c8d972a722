package io.iamaudit.sandbox.wire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Offset pagination behind opaque tokens, as AWS hands out: the token names the list it belongs to so that a token
 * from one listing is rejected by another.
 */
public final class Pages {

    /** One page: its items and the token for the next one (null on the last page). */
    public record Page<T>(List<T> items, String nextToken) {

        public boolean truncated() {
            return nextToken != null;
        }

        /**
         * The page as a JSON protocol writes it: {@code {listName: [...], tokenName: token}}, the token member only
         * when there is a next page. The services differ in the token's name ({@code NextToken}, {@code nextToken}).
         */
        public ObjectNode json(String listName, String tokenName, Function<T, ObjectNode> item) {
            ObjectNode out = Json.object();
            ArrayNode list = out.putArray(listName);
            items.forEach(t -> list.add(item.apply(t)));
            if (nextToken != null) {
                out.put(tokenName, nextToken);
            }
            return out;
        }
    }

    private Pages() {
    }

    /**
     * Cuts a page from a full list.
     *
     * @param scope   what is being listed (tokens of another scope are invalid)
     * @param token   the caller's token, or null for the first page
     * @param limit   page size
     * @param invalid the error for a token that is not ours
     */
    public static <T> Page<T> page(List<T> all, String scope, String token, int limit,
                                   Supplier<AwsException> invalid) {
        int from = 0;
        if (token != null && !token.isEmpty()) {
            from = offset(token, scope, invalid);
            if (from > all.size()) {
                throw invalid.get();
            }
        }
        int to = Math.min(all.size(), from + limit);
        String next = to < all.size() ? encode(scope, to) : null;
        return new Page<>(all.subList(from, to), next);
    }

    static String encode(String scope, int offset) {
        return Base64.getEncoder().encodeToString(("sandbox|" + scope + "|" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token, String scope, Supplier<AwsException> invalid) {
        try {
            String[] parts = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 3 || !"sandbox".equals(parts[0]) || !scope.equals(parts[1])) {
                throw invalid.get();
            }
            return Integer.parseInt(parts[2]);
        } catch (IllegalArgumentException e) {
            throw invalid.get();
        }
    }
}

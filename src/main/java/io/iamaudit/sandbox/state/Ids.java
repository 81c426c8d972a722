package io.iamaudit.sandbox.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic, obviously fake identifiers: the same scenario always yields the same ids, and every key-like id
 * carries the word SANDBOX so that it can never be mistaken for a real credential.
 */
public final class Ids {

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private Ids() {
    }

    /** An IAM unique id such as {@code AIDASANDBOX3K7Q2M9XPL}: AWS's prefix, SANDBOX, 10 derived characters. */
    public static String iam(String prefix, String seed) {
        return prefix + "SANDBOX" + chars(seed, 10, BASE32);
    }

    /** {@code n} lowercase letters or digits derived from the seed (for OU ids and the like). */
    public static String lower(String seed, int n) {
        return chars(seed, n, "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray());
    }

    public static UUID uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    }

    private static String chars(String seed, int n, char[] alphabet) {
        byte[] hash = sha256(seed);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet[(hash[i] & 0xff) % alphabet.length]);
        }
        return sb.toString();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

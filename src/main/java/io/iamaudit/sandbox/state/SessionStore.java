package io.iamaudit.sandbox.state;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sessions issued so far. Access key ids look like {@code ASIASANDBOX000000001}: unmistakably fake, and
 * unique per server so that a key from one run means nothing to another.
 */
public final class SessionStore {

    private final Map<String, Session> byKey = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();
    private final SecureRandom random = new SecureRandom();

    public Session issue(String accountId, String roleName, String roleId, String sessionName, Instant expiration,
                         String sourceIdentity) {
        String keyId = String.format("ASIASANDBOX%09d", counter.incrementAndGet());
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String secretKey = "sandbox/" + Base64.getEncoder().encodeToString(secret);
        String token = "SANDBOXSESSIONTOKEN/" + Base64.getEncoder().encodeToString(
                (keyId + "|" + accountId + "|" + roleName).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Session s = new Session(keyId, secretKey, token, accountId, roleName, roleId, sessionName, Instant.now(),
                expiration, sourceIdentity);
        byKey.put(keyId, s);
        return s;
    }

    /** The session behind an access key, or null when the sandbox did not issue it. */
    public Session find(String accessKeyId) {
        return accessKeyId == null ? null : byKey.get(accessKeyId);
    }
}

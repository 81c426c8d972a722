package io.iamaudit.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The faults and delays in force, changeable while the server runs (a test injects a fault, sees the pipeline cope,
 * clears it and reruns). Starts from the profile; {@link #clear()} removes every fault and throttle but keeps the
 * report delays.
 */
public final class SandboxFaults {

    private final Map<String, Double> throttleRate = new ConcurrentHashMap<>();
    private final Map<String, Double> errorRate = new ConcurrentHashMap<>();
    private final Set<String> denyAssumeRole = ConcurrentHashMap.newKeySet();
    private final Set<String> failingAccounts = ConcurrentHashMap.newKeySet();
    private final Map<String, SandboxProfile.Bucket> bucketSpecs = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Set<String> expiredKeys = ConcurrentHashMap.newKeySet();
    private final Map<String, UnaryOperator<String>> rewrites = new ConcurrentHashMap<>();
    private final Random random;
    private volatile Duration credentialReportDelay;
    private volatile Duration lastAccessedDelay;
    private volatile Instant sessionsExpiredBefore = Instant.EPOCH;

    SandboxFaults(SandboxProfile profile) {
        this.random = new Random(profile.seed() + 1);
        throttleRate.putAll(profile.faults().throttleRate());
        errorRate.putAll(profile.faults().errorRate());
        denyAssumeRole.addAll(profile.faults().denyAssumeRole());
        failingAccounts.addAll(profile.faults().failingAccounts());
        bucketSpecs.putAll(profile.throttling());
        credentialReportDelay = Duration.ofMillis(profile.credentialReportDelayMillis());
        lastAccessedDelay = Duration.ofMillis(profile.lastAccessedDelayMillis());
    }

    /** AssumeRole into this account is denied (AccessDenied) until allowed again. */
    public SandboxFaults denyAssumeRole(String accountId) {
        denyAssumeRole.add(accountId);
        return this;
    }

    public SandboxFaults allowAssumeRole(String accountId) {
        denyAssumeRole.remove(accountId);
        return this;
    }

    /** Every call made with this account's credentials fails with the service's 5xx error. */
    public SandboxFaults failAccount(String accountId) {
        failingAccounts.add(accountId);
        return this;
    }

    public SandboxFaults restoreAccount(String accountId) {
        failingAccounts.remove(accountId);
        return this;
    }

    /** The share (0..1) of calls to the service answered with its throttling error, drawn from the seeded random. */
    public SandboxFaults throttleRate(String service, double rate) {
        throttleRate.put(service, rate);
        return this;
    }

    /** The share (0..1) of calls to the service answered with its 5xx error. */
    public SandboxFaults errorRate(String service, double rate) {
        errorRate.put(service, rate);
        return this;
    }

    /** Replaces the service's token bucket (fresh and full). */
    public SandboxFaults throttle(String service, SandboxProfile.Bucket bucket) {
        bucketSpecs.put(service, bucket);
        buckets.keySet().removeIf(k -> k.startsWith(service + "|"));
        return this;
    }

    public SandboxFaults credentialReportDelay(Duration d) {
        credentialReportDelay = d;
        return this;
    }

    public SandboxFaults lastAccessedDelay(Duration d) {
        lastAccessedDelay = d;
        return this;
    }

    /**
     * Every session issued so far is expired from now on (calls with it get the service's ExpiredToken error), as
     * when a long run outlives its credentials; sessions issued later are unaffected.
     */
    public SandboxFaults expireSessions() {
        sessionsExpiredBefore = Instant.now().plusNanos(1);
        return this;
    }

    /** Requests signed with this access key id get {@code ExpiredToken}, as an expired session would. */
    public SandboxFaults expireCredentials(String accessKeyId) {
        expiredKeys.add(accessKeyId);
        return this;
    }

    /**
     * Rewrites the body of every successful answer to {@code service:Operation} (e.g. {@code iam:GetCredentialReport}):
     * how tests serve data AWS may send one day (a new enum value, a changed report) without a scenario field for it.
     */
    public SandboxFaults rewrite(String serviceOperation, UnaryOperator<String> body) {
        rewrites.put(serviceOperation, body);
        return this;
    }

    /** Removes every fault, rewrite and token bucket; sessions issued from now on are valid again. */
    public SandboxFaults clear() {
        sessionsExpiredBefore = Instant.EPOCH;
        expiredKeys.clear();
        rewrites.clear();
        throttleRate.clear();
        errorRate.clear();
        denyAssumeRole.clear();
        failingAccounts.clear();
        bucketSpecs.clear();
        buckets.clear();
        return this;
    }

    Duration credentialReportDelay() {
        return credentialReportDelay;
    }

    Duration lastAccessedDelay() {
        return lastAccessedDelay;
    }

    boolean expired(Instant issued) {
        return issued.isBefore(sessionsExpiredBefore);
    }

    boolean assumeRoleDenied(String accountId) {
        return denyAssumeRole.contains(accountId);
    }

    boolean expired(String accessKeyId) {
        return expiredKeys.contains(accessKeyId);
    }

    UnaryOperator<String> rewrite(String serviceOperation) {
        return rewrites.get(serviceOperation);
    }

    boolean failing(String accountId) {
        return accountId != null && failingAccounts.contains(accountId);
    }

    boolean randomError(String service) {
        return draw(errorRate.getOrDefault(service, 0.0));
    }

    /** Why a call is throttled: the random rate (which no client can avoid) or an empty token bucket (a quota). */
    enum Throttle { NONE, INJECTED, QUOTA }

    /** Whether this call is throttled: by the random rate, or by an empty token bucket. */
    Throttle throttled(String service, String accountId) {
        if (draw(throttleRate.getOrDefault(service, 0.0))) {
            return Throttle.INJECTED;
        }
        SandboxProfile.Bucket spec = bucketSpecs.get(service);
        if (spec == null) {
            return Throttle.NONE;
        }
        String key = service + "|" + (spec.scope() == SandboxProfile.Scope.SHARED ? "*" : accountId);
        long now = System.nanoTime();
        return buckets.computeIfAbsent(key, k -> new TokenBucket(spec.capacity(), spec.refillPerSecond(), now))
                .tryTake(now) ? Throttle.NONE : Throttle.QUOTA;
    }

    private boolean draw(double rate) {
        if (rate <= 0) {
            return false;
        }
        synchronized (random) {
            return random.nextDouble() < rate;
        }
    }
}

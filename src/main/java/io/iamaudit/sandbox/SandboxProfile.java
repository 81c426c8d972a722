package io.iamaudit.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.iamaudit.sandbox.scenario.ScenarioYaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How the sandbox behaves, apart from what it serves: latency per service or operation, how long credential reports
 * and last-accessed jobs take, token-bucket throttling, and the faults to start with (which
 * {@link SandboxFaults} can change while the server runs). Loadable from YAML ({@code jobs/profiles/*.yaml}).
 *
 * @param seed                        seeds every random choice (latency, random throttles and errors)
 * @param threads                     request handler threads
 * @param latency                     keyed {@code default}, a service ({@code iam}) or {@code service:Operation}
 * @param credentialReportDelayMillis from GenerateCredentialReport to a complete report
 * @param lastAccessedDelayMillis     from GenerateServiceLastAccessedDetails to COMPLETED
 * @param throttling                  token buckets by service ({@code iam}, {@code sts}, {@code organizations},
 *                                    {@code access-analyzer})
 * @param faults                      the faults in force at start
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SandboxProfile(Long seed, Integer threads, Map<String, Latency> latency,
                             Long credentialReportDelayMillis, Long lastAccessedDelayMillis,
                             Map<String, Bucket> throttling, Faults faults) {

    public SandboxProfile {
        seed = seed == null ? 42L : seed;
        threads = threads == null ? 32 : threads;
        latency = latency == null ? Map.of() : Map.copyOf(latency);
        credentialReportDelayMillis = credentialReportDelayMillis == null ? 0L : credentialReportDelayMillis;
        lastAccessedDelayMillis = lastAccessedDelayMillis == null ? 0L : lastAccessedDelayMillis;
        throttling = throttling == null ? Map.of() : Map.copyOf(throttling);
        faults = faults == null ? new Faults(null, null, null, null) : faults;
    }

    /** A latency range in milliseconds, drawn uniformly. */
    public record Latency(long minMillis, long maxMillis) {
    }

    /** How a bucket is shared: one per calling account, or one for every caller. */
    public enum Scope { ACCOUNT, SHARED }

    /** A token bucket: burst capacity and refill rate. */
    public record Bucket(double capacity, double refillPerSecond, Scope scope) {
        public Bucket {
            scope = scope == null ? Scope.ACCOUNT : scope;
        }
    }

    /**
     * Faults: random throttle and 5xx rates per service (0..1), accounts whose AssumeRole is denied, accounts whose
     * every call fails with a 5xx.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Faults(Map<String, Double> throttleRate, Map<String, Double> errorRate, List<String> denyAssumeRole,
                         List<String> failingAccounts) {
        public Faults {
            throttleRate = throttleRate == null ? Map.of() : Map.copyOf(throttleRate);
            errorRate = errorRate == null ? Map.of() : Map.copyOf(errorRate);
            denyAssumeRole = denyAssumeRole == null ? List.of() : List.copyOf(denyAssumeRole);
            failingAccounts = failingAccounts == null ? List.of() : List.copyOf(failingAccounts);
        }
    }

    /** No latency, no delays, no throttling, no faults: for tests. */
    public static SandboxProfile instant() {
        return new SandboxProfile(null, null, null, null, null, null, null);
    }

    /** The same profile with other report delays (handy in tests of the state machines). */
    public SandboxProfile withDelays(long credentialReportMillis, long lastAccessedMillis) {
        return new SandboxProfile(seed, threads, latency, credentialReportMillis, lastAccessedMillis, throttling, faults);
    }

    /** The same profile with these token buckets. */
    public SandboxProfile withThrottling(Map<String, Bucket> buckets) {
        return new SandboxProfile(seed, threads, latency, credentialReportDelayMillis, lastAccessedDelayMillis, buckets,
                faults);
    }

    /**
     * Reads a profile file.
     *
     * @throws IllegalArgumentException one line naming the file and the problem
     */
    public static SandboxProfile load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return ScenarioYaml.read(in, SandboxProfile.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("profile " + file + ": cannot read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("profile " + file + ": " + e.getMessage());
        }
    }
}

package io.iamaudit.stage;

import java.util.List;
import java.util.stream.Stream;

/**
 * An account's Secrets Manager secrets, region by region. Secrets Manager is regional, so each region is read (or
 * not) on its own: one denied region leaves the others' secrets usable, and is named rather than taken as empty.
 */
public record SecretsInventory(List<RegionSecrets> regions) {

    public SecretsInventory {
        regions = regions == null ? List.of() : List.copyOf(regions);
    }

    /** How one region's read went. */
    public enum RegionStatus {
        /** ListSecrets (and each GetResourcePolicy) answered. */
        READ,
        /**
         * The region is not enabled in the account (ListRegions: DISABLED, DISABLING or ENABLING; or AWS refused the
         * account's credentials there): nothing can live there, and nothing was read.
         */
        NOT_ENABLED,
        /** The audit role may not list the region's secrets: unknown, not empty. */
        DENIED,
        /** Any other failure: unknown, not empty. */
        FAILED
    }

    /** @param reason AWS's error for DENIED and FAILED, the region's opt-in status for NOT_ENABLED */
    public record RegionSecrets(String region, RegionStatus status, String reason, List<Secret> secrets) {
        public RegionSecrets {
            secrets = secrets == null ? List.of() : List.copyOf(secrets);
        }

        public static RegionSecrets read(String region, List<Secret> secrets) {
            return new RegionSecrets(region, RegionStatus.READ, null, secrets);
        }

        public boolean unknown() {
            return status == RegionStatus.DENIED || status == RegionStatus.FAILED;
        }
    }

    public Stream<Secret> secrets() {
        return regions.stream().flatMap(r -> r.secrets().stream());
    }

    /** The regions whose secrets are unknown (denied or failed); a rule cannot pass an account with any. */
    public List<RegionSecrets> unknownRegions() {
        return regions.stream().filter(RegionSecrets::unknown).toList();
    }

    /**
     * One line for the Coverage sheet: the regions that were not read and why; empty when every enabled region was.
     */
    public String coverageNote() {
        List<String> parts = regions.stream().filter(r -> r.status() != RegionStatus.READ)
                .map(r -> r.region() + " " + r.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + (r.reason() == null ? "" : " (" + r.reason() + ")"))
                .toList();
        return parts.isEmpty() ? "" : "secrets not read in " + String.join(", ", parts);
    }
}

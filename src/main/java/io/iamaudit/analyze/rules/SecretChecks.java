package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.DataSet;
import io.iamaudit.analyze.NotEvaluatedException;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Secret;
import io.iamaudit.stage.SecretsInventory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the secret rules share: every secret of the account's readable regions, judged one by one. A failing secret
 * fails the rule whatever else is unknown; with none failing, a region that could not be read (denied, failed) makes
 * the rule NOT_EVALUATED rather than a pass. Regions the account has not enabled hold nothing and are no gap.
 */
final class SecretChecks {
    private SecretChecks() {
    }

    /** @param check a secret's violation, or empty when it passes */
    static List<Violation> each(AccountSnapshot s, Function<Secret, Optional<Violation>> check) {
        SecretsInventory inventory = s.secrets().value();
        List<Violation> violations = inventory.secrets().map(check).flatMap(Optional::stream).toList();
        if (violations.isEmpty() && !inventory.unknownRegions().isEmpty()) {
            throw new NotEvaluatedException(DataSet.SECRETS, "secrets unknown in "
                    + inventory.unknownRegions().stream().map(r -> r.region() + " (" + r.reason() + ")")
                    .collect(Collectors.joining(", ")));
        }
        return violations;
    }

    static Violation violation(Secret secret, String evidence) {
        return Violation.of("Secret", secret.name() + " (" + secret.region() + ")", secret.arn(), evidence);
    }

    /**
     * Whole days between two instants, counted on the calendar in UTC: LastAccessedDate is kept at day granularity
     * (midnight UTC), so an hour-level difference would be a false precision.
     */
    static long days(Instant from, Instant to) {
        return ChronoUnit.DAYS.between(LocalDate.ofInstant(from, ZoneOffset.UTC), LocalDate.ofInstant(to, ZoneOffset.UTC));
    }

    /** When the secret last got a new value by rotation: its last rotation, or its creation when never rotated. */
    static Instant lastRotatedOrCreated(Secret secret) {
        return secret.lastRotatedDate() != null ? secret.lastRotatedDate() : secret.createdDate();
    }
}

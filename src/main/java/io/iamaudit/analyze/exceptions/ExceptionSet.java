package io.iamaudit.analyze.exceptions;

import io.iamaudit.stage.Finding;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The exceptions of a run. Applying them never hides a finding: an active exception turns it into EXCEPTED with
 * owner and expiry; an expired one leaves it FAIL and says so in {@code exceptionNote}.
 */
public record ExceptionSet(List<AuditException> exceptions) {

    public ExceptionSet {
        exceptions = List.copyOf(exceptions);
    }

    public static ExceptionSet none() {
        return new ExceptionSet(List.of());
    }

    /** Applies the best matching exception: an active one wins over an expired one, the latest expiry first. */
    public Finding apply(Finding f, LocalDate today) {
        if (f.status() == Finding.Status.NOT_EVALUATED) {
            return f;
        }
        Optional<AuditException> match = exceptions.stream()
                .filter(e -> e.matches(f.accountId(), f.ruleId(), f.principalName(), f.principalArn()))
                .max(Comparator.comparing((AuditException e) -> e.activeOn(today))
                        .thenComparing(AuditException::expires));
        if (match.isEmpty()) {
            return f;
        }
        AuditException e = match.get();
        boolean active = e.activeOn(today);
        String note = active
                ? "Excepted until " + e.expires() + " by " + e.owner() + ": " + e.reason()
                : "Exception by " + e.owner() + " expired on " + e.expires() + " and no longer applies (was: "
                + e.reason() + ")";
        return new Finding(f.findingId(), f.runId(), f.accountId(), f.accountName(), f.ouPath(), f.principalType(),
                f.principalName(), f.principalArn(), f.ruleId(), f.title(), f.severity(),
                active ? Finding.Status.EXCEPTED : Finding.Status.FAIL, f.wellArchitected(), f.cis(),
                f.securityHub(), f.evidence(), f.recommendation(), f.firstSeen(), e.owner(), e.expires(), note);
    }
}

package io.iamaudit.analyze.leastprivilege;

import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.PolicySource;
import io.iamaudit.analyze.Thresholds;
import io.iamaudit.policy.Glob;

import java.time.Instant;
import java.util.Optional;

/**
 * Principals least privilege must not touch, each with the reason shown to the reader (Repokid's filters, one
 * line each).
 */
final class SafetyRails {
    private SafetyRails() {
    }

    static Optional<String> skipReason(Subject s, Thresholds t, Instant windowStart) {
        if (s.serviceLinked()) {
            return Optional.of("service-linked role: AWS owns and updates its policies");
        }
        if (s.identityCenter()) {
            return Optional.of("IAM Identity Center role: fix the permission set, not the role (Identity Center "
                    + "overwrites changes made to the role)");
        }
        if (t.breakGlassNamePatterns().stream().anyMatch(p -> Glob.matches(p, s.name()))
                || (t.breakGlassTag() != null && s.tags().containsKey(t.breakGlassTag()))) {
            return Optional.of("break-glass identity (name pattern or tag " + t.breakGlassTag() + "): its access "
                    + "must stay whole for emergencies");
        }
        if (s.createDate() != null && s.createDate().isAfter(windowStart)) {
            return Optional.of("created " + Evidence.date(s.createDate()) + ", younger than the "
                    + t.leastPrivilegeWindowDays() + "-day window: too little usage data to judge");
        }
        if (!s.policies().missing().isEmpty()) {
            return Optional.of("policy document not collected for " + String.join(", ", s.policies().missing())
                    + ": cannot judge what is granted");
        }
        for (PolicySource p : s.policies().sources()) {
            if (p.parsed().isEmpty()) {
                return Optional.of(p.label() + " is not a valid policy document: cannot judge what is granted");
            }
        }
        return Optional.empty();
    }
}

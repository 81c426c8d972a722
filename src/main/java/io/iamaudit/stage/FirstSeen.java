package io.iamaudit.stage;

import java.time.Instant;

/** When an earlier published run first saw a finding. */
public record FirstSeen(String findingId, String accountId, Instant firstSeen) {
}

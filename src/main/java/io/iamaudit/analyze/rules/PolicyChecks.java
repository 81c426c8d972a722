package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.Grants;
import io.iamaudit.analyze.PolicySource;
import io.iamaudit.policy.ActionPattern;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.policy.Statement;

import java.util.List;

/** Statement-level questions the policy rules share. */
final class PolicyChecks {
    private PolicyChecks() {
    }

    static boolean grantsFullAdmin(PolicySource src) {
        return Grants.ADMINISTRATOR_ACCESS.equals(src.arn()) || src.parsed().map(Grants::isFullAdmin).orElse(false);
    }

    /** {@code service:*} (or {@code *}) in the Action of an Allow statement. */
    static List<String> serviceWildcards(PolicyDocument doc) {
        return doc.allows().stream().filter(s -> !s.notAction()).flatMap(s -> s.actions().stream())
                .filter(ActionPattern::wholeService).map(ActionPattern::text).distinct().toList();
    }

    static List<Statement> notActionAllows(PolicyDocument doc) {
        return doc.allows().stream().filter(Statement::notAction).toList();
    }
}

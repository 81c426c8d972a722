package io.iamaudit.analyze.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.policy.Statement;
import io.iamaudit.stage.IamRole;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading role trust policies: who may assume, and which condition keys narrow it. */
final class TrustPolicies {
    private static final Pattern ACCOUNT = Pattern.compile("^(?:arn:aws[a-z-]*:(?:iam|sts)::)?(\\d{12})(?::|$)");

    private TrustPolicies() {
    }

    static List<Statement> allowStatements(IamRole role) {
        if (role.trustPolicy() == null) {
            return List.of();
        }
        try {
            return PolicyDocument.parse(role.trustPolicy()).allows();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /** The AWS principals of a statement; {@code "*"} for {@code Principal: "*"}. */
    static List<String> awsPrincipals(Statement s) {
        JsonNode p = s.principal();
        List<String> out = new ArrayList<>();
        if (p == null) {
            return out;
        }
        if (p.isTextual()) {
            out.add(p.asText());
            return out;
        }
        JsonNode aws = p.get("AWS");
        if (aws != null) {
            if (aws.isArray()) {
                aws.forEach(n -> out.add(n.asText()));
            } else {
                out.add(aws.asText());
            }
        }
        return out;
    }

    /** The service principals of a statement ({@code Principal: {"Service": ...}}). */
    static List<String> servicePrincipals(Statement s) {
        return principalsOfKind(s, "Service");
    }

    /** The federated principals of a statement: SAML and OIDC provider ARNs, or a web identity host. */
    static List<String> federatedPrincipals(Statement s) {
        return principalsOfKind(s, "Federated");
    }

    private static List<String> principalsOfKind(Statement s, String kind) {
        JsonNode p = s.principal();
        List<String> out = new ArrayList<>();
        JsonNode node = p == null || !p.isObject() ? null : p.get(kind);
        if (node != null) {
            if (node.isArray()) {
                node.forEach(n -> out.add(n.asText()));
            } else {
                out.add(node.asText());
            }
        }
        return out;
    }

    /**
     * The values a statement's Condition gives a key, over every operator (case-insensitive key); empty when the key
     * is not used.
     */
    static List<String> conditionValues(Statement s, String key) {
        List<String> out = new ArrayList<>();
        if (!s.hasCondition()) {
            return out;
        }
        for (Iterator<JsonNode> ops = s.condition().elements(); ops.hasNext(); ) {
            for (Iterator<java.util.Map.Entry<String, JsonNode>> keys = ops.next().fields(); keys.hasNext(); ) {
                var e = keys.next();
                if (e.getKey().equalsIgnoreCase(key)) {
                    if (e.getValue().isArray()) {
                        e.getValue().forEach(v -> out.add(v.asText()));
                    } else {
                        out.add(e.getValue().asText());
                    }
                }
            }
        }
        return out;
    }

    /** The 12-digit account of a principal ARN or id, or {@code null} (e.g. for {@code *}). */
    static String accountOf(String principal) {
        Matcher m = ACCOUNT.matcher(principal);
        return m.find() ? m.group(1) : null;
    }

    /** Whether the statement's Condition uses one of the keys (any operator, case-insensitive). */
    static boolean conditionUses(Statement s, Set<String> keys) {
        if (!s.hasCondition()) {
            return false;
        }
        for (Iterator<JsonNode> ops = s.condition().elements(); ops.hasNext(); ) {
            for (Iterator<String> names = ops.next().fieldNames(); names.hasNext(); ) {
                if (keys.contains(names.next().toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }
}

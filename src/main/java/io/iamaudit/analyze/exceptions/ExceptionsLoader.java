package io.iamaudit.analyze.exceptions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.iamaudit.json.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads an exceptions file (format: {@code docs/exceptions.md}). Every problem is reported as one line naming the
 * file and the entry, in an {@link InvalidExceptionsFileException}; a bad file never silently excepts nothing.
 */
public final class ExceptionsLoader {

    private static final Set<String> KEYS = Set.of("identity", "rule", "account", "owner", "reason", "expires");
    private static final ObjectMapper YAML = Mappers.yaml();

    private ExceptionsLoader() {
    }

    public static ExceptionSet load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidExceptionsFileException(file + ": cannot read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    public static ExceptionSet parse(String yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new InvalidExceptionsFileException(source + ": not valid YAML" + where + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return ExceptionSet.none();
        }
        JsonNode list = root.get("exceptions");
        if (!root.isObject() || list == null || !list.isArray()) {
            throw new InvalidExceptionsFileException(source + ": expected a top-level 'exceptions:' list");
        }
        List<AuditException> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(entry(list.get(i), source + ": exception " + (i + 1)));
        }
        return new ExceptionSet(out);
    }

    private static AuditException entry(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new InvalidExceptionsFileException(where + ": expected a mapping with identity, rule, owner, "
                    + "reason, expires");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new InvalidExceptionsFileException(where + ": unknown key '" + key + "' (allowed: " +
                        String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        String identity = required(node, "identity", where);
        String rule = required(node, "rule", where);
        if (!"*".equals(rule) && !rule.matches("IAM(\\.[A-Z0-9_]+)+")) {
            throw new InvalidExceptionsFileException(where + ": rule '" + rule + "' is not a rule id (IAM.X.Y) or *");
        }
        String account = optional(node, "account");
        if (account != null && !account.matches("\\d{12}")) {
            throw new InvalidExceptionsFileException(where + ": account '" + account + "' is not a 12-digit id "
                    + "(quote it in YAML to keep leading zeros)");
        }
        String owner = required(node, "owner", where);
        String reason = required(node, "reason", where);
        String expires = required(node, "expires", where);
        try {
            return new AuditException(identity, rule, account, owner, reason, LocalDate.parse(expires));
        } catch (DateTimeParseException e) {
            throw new InvalidExceptionsFileException(where + ": expires '" + expires + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static String required(JsonNode node, String key, String where) {
        String value = optional(node, key);
        if (value == null || value.isBlank()) {
            throw new InvalidExceptionsFileException(where + ": '" + key + "' is required");
        }
        return value.trim();
    }

    private static String optional(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** A bad exceptions file; the message is one line. */
    public static final class InvalidExceptionsFileException extends RuntimeException {
        public InvalidExceptionsFileException(String message) {
            super(message);
        }
    }
}

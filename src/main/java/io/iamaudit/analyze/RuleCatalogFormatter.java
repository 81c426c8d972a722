package io.iamaudit.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders the catalog for {@code rules --format table|csv|markdown}. */
public final class RuleCatalogFormatter {

    /** The output formats. */
    public enum Format { TABLE, CSV, MARKDOWN;

        public static Format parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown format '" + text + "' (table, csv, markdown)");
            }
        }
    }

    private static final List<String> HEADER = List.of("id", "severity", "title", "well-architected", "cis",
            "security-hub", "data sets", "soc2", "iso27001", "nist-800-53", "peers");

    private RuleCatalogFormatter() {
    }

    public static String format(RuleCatalog catalog, Format format) {
        List<List<String>> rows = new ArrayList<>();
        PeerCoverage peers = PeerCoverage.bundled();
        for (RuleMetadata m : catalog.metadata()) {
            rows.add(List.of(m.id(), m.severity().name(), m.title(), String.join(" ", m.wellArchitected()),
                    m.cisText(), m.securityHubText(),
                    m.dataSets().stream().map(d -> d.name().toLowerCase(Locale.ROOT)).sorted()
                            .collect(Collectors.joining(" ")),
                    mapping(m.id(), RuleDisplay::soc2), mapping(m.id(), RuleDisplay::iso27001),
                    mapping(m.id(), RuleDisplay::nist80053), peers.peersOf(m.id())));
        }
        return switch (format) {
            case CSV -> csv(rows);
            case MARKDOWN -> markdown(rows);
            case TABLE -> table(rows);
        };
    }

    /** A framework's controls for the rule, from rules/rule-display.yaml ("" when the rule has no entry). */
    private static String mapping(String ruleId, java.util.function.Function<RuleDisplay, List<String>> framework) {
        return RuleDisplays.standard().of(ruleId).map(framework).map(l -> String.join(" ", l)).orElse("");
    }

    private static String csv(List<List<String>> rows) {
        StringBuilder out = new StringBuilder(String.join(",", HEADER)).append('\n');
        rows.forEach(r -> out.append(r.stream().map(RuleCatalogFormatter::csvCell).collect(Collectors.joining(",")))
                .append('\n'));
        return out.toString();
    }

    private static String csvCell(String s) {
        String safe = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return safe.matches(".*[\",\\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static String markdown(List<List<String>> rows) {
        StringBuilder out = new StringBuilder("| " + String.join(" | ", HEADER) + " |\n");
        out.append("|").append("---|".repeat(HEADER.size())).append('\n');
        rows.forEach(r -> out.append("| ").append(r.stream().map(c -> c.replace("|", "\\|"))
                .collect(Collectors.joining(" | "))).append(" |\n"));
        return out.toString();
    }

    private static String table(List<List<String>> rows) {
        int[] width = new int[HEADER.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(rows);
        all.forEach(r -> {
            for (int i = 0; i < r.size(); i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (List<String> r : all) {
            for (int i = 0; i < r.size(); i++) {
                out.append(i == r.size() - 1 ? r.get(i) : String.format("%-" + width[i] + "s  ", r.get(i)));
            }
            out.append('\n');
        }
        return out.toString();
    }
}

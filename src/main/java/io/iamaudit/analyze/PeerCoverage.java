package io.iamaudit.analyze;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which peer checks each rule answers: Prowler's IAM checks ({@code peers/prowler-iam-checks.tsv}) and
 * Cloudsplaining's risk classes ({@code peers/cloudsplaining-classes.tsv}). Every peer check is listed, covered by
 * rules or declined with a reason, so a gap is written down rather than forgotten; a test keeps the lists whole and
 * their rule ids real.
 */
public final class PeerCoverage {

    /**
     * One peer check.
     *
     * @param rules the rules that cover it; empty when declined
     * @param note  the reason when declined; how coverage differs otherwise (may be empty)
     */
    public record PeerCheck(String id, String severity, List<String> rules, String note) {
        public PeerCheck {
            rules = List.copyOf(rules);
        }

        public boolean declined() {
            return rules.isEmpty();
        }
    }

    private static volatile PeerCoverage bundled;

    private final List<PeerCheck> prowler;
    private final List<PeerCheck> cloudsplaining;

    PeerCoverage(List<PeerCheck> prowler, List<PeerCheck> cloudsplaining) {
        this.prowler = List.copyOf(prowler);
        this.cloudsplaining = List.copyOf(cloudsplaining);
    }

    public static PeerCoverage bundled() {
        if (bundled == null) {
            synchronized (PeerCoverage.class) {
                if (bundled == null) {
                    bundled = new PeerCoverage(read("/peers/prowler-iam-checks.tsv", true),
                            read("/peers/cloudsplaining-classes.tsv", false));
                }
            }
        }
        return bundled;
    }

    public List<PeerCheck> prowler() {
        return prowler;
    }

    public List<PeerCheck> cloudsplaining() {
        return cloudsplaining;
    }

    /** The peers column of the catalog: {@code prowler: a, b; cloudsplaining: C}, empty when none. */
    public String peersOf(String ruleId) {
        List<String> parts = new ArrayList<>();
        String p = ids(prowler, ruleId);
        String c = ids(cloudsplaining, ruleId);
        if (!p.isEmpty()) {
            parts.add("prowler: " + p);
        }
        if (!c.isEmpty()) {
            parts.add("cloudsplaining: " + c);
        }
        return String.join("; ", parts);
    }

    /** The accounting table of docs/rules.md: every peer check, the rules that cover it or why it is declined. */
    public String markdown() {
        StringBuilder out = new StringBuilder("## Peer checks accounted for\n\n");
        out.append("Every IAM check of Prowler 5.40 (").append(prowler.size()).append(", ")
                .append(prowler.stream().filter(PeerCheck::declined).count()).append(" declined) and every risk ")
                .append("class of Cloudsplaining 0.9.1, with the rules that cover it or the reason it is not.\n\n")
                .append("| peer | check | peer severity | covered by | note |\n|---|---|---|---|---|\n");
        prowler.forEach(c -> row(out, "Prowler", c));
        cloudsplaining.forEach(c -> row(out, "Cloudsplaining", c));
        return out.toString();
    }

    private static void row(StringBuilder out, String peer, PeerCheck c) {
        out.append("| ").append(peer).append(" | ").append(c.id()).append(" | ").append(c.severity()).append(" | ")
                .append(c.declined() ? "declined" : String.join(" ", c.rules())).append(" | ")
                .append(c.note().replace("|", "\\|")).append(" |\n");
    }

    private static String ids(List<PeerCheck> checks, String ruleId) {
        return checks.stream().filter(c -> c.rules().contains(ruleId)).map(PeerCheck::id)
                .collect(Collectors.joining(", "));
    }

    private static List<PeerCheck> read(String resource, boolean withSeverity) {
        try (InputStream in = PeerCoverage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the classpath");
            }
            List<PeerCheck> out = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                int i = withSeverity ? 1 : 0;
                String rules = c[i + 1].trim();
                out.add(new PeerCheck(c[0].trim(), withSeverity ? c[1].trim() : "",
                        "-".equals(rules) ? List.of() : List.of(rules.split(" +")), c.length > i + 2 ? c[i + 2].trim() : ""));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

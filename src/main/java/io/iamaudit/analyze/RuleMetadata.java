package io.iamaudit.analyze;

import io.iamaudit.stage.Severity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a rule is about, independent of any snapshot: the catalog, the reports and the framework mappings read it.
 *
 * @param id              {@code IAM.<AREA>.<CHECK>}, e.g. {@code IAM.ROOT.MFA}: stable, it keys findings across runs
 * @param wellArchitected Well-Architected best practices, e.g. {@code SEC02-BP01}
 * @param cis             CIS AWS Foundations Benchmark control per benchmark version ({@code v3.0 -> 1.5}); a version
 *                        is left out when the control number there is not known for sure
 * @param securityHub     AWS Security Hub control ids ({@code IAM.9}) where one exists
 * @param dataSets        the snapshot data sets the rule reads; any of them missing makes it NOT_EVALUATED
 */
public record RuleMetadata(String id, String title, Severity severity, List<String> wellArchitected,
                           Map<String, String> cis, List<String> securityHub, String rationale, String remediation,
                           Set<DataSet> dataSets) {

    private static final Pattern ID = Pattern.compile("IAM(\\.[A-Z0-9_]+){2,3}");
    private static final Pattern WA = Pattern.compile("SEC0[23]-BP0[1-9]");

    public RuleMetadata {
        wellArchitected = List.copyOf(wellArchitected);
        cis = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cis));
        securityHub = List.copyOf(securityHub);
        // an EnumSet iterates in declaration order: the catalog version hashes this record's text
        dataSets = java.util.Collections.unmodifiableSet(dataSets.isEmpty() ? EnumSet.noneOf(DataSet.class)
                : EnumSet.copyOf(dataSets));
    }

    /** Every problem with this metadata; empty when it is complete (the catalog test fails the build otherwise). */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            out.add(id + ": id must look like IAM.AREA.CHECK");
        }
        if (blank(title) || blank(rationale) || blank(remediation)) {
            out.add(id + ": title, rationale and remediation are required");
        }
        if (severity == null) {
            out.add(id + ": severity is required");
        }
        if (wellArchitected.isEmpty() || !wellArchitected.stream().allMatch(w -> WA.matcher(w).matches())) {
            out.add(id + ": needs Well-Architected ids (SEC02-BPxx / SEC03-BPxx)");
        }
        if (dataSets.isEmpty()) {
            out.add(id + ": declares no data sets");
        }
        cis.forEach((version, control) -> {
            // the IAM section is 1 up to v5.0 and 2 from v6.0 on
            if (!version.matches("v\\d\\.\\d") || !control.matches("[12]\\.\\d{1,2}")) {
                out.add(id + ": bad CIS mapping " + version + " -> " + control);
            }
        });
        securityHub.stream().filter(s -> !s.matches("(IAM|SecretsManager)\\.\\d{1,2}"))
                .forEach(s -> out.add(id + ": bad Security Hub id " + s));
        return out;
    }

    /** CIS mappings as one text, e.g. {@code v3.0 1.5; v5.0 1.4}. */
    public String cisText() {
        return cis.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("; "));
    }

    public String securityHubText() {
        return String.join(", ", securityHub);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public static Builder rule(String id, String title, Severity severity) {
        return new Builder(id, title, severity);
    }

    /** Reads like the metadata file of a Prowler check. */
    public static final class Builder {
        private final String id;
        private final String title;
        private final Severity severity;
        private final List<String> wa = new ArrayList<>();
        private final Map<String, String> cis = new LinkedHashMap<>();
        private final List<String> securityHub = new ArrayList<>();
        private String rationale;
        private String remediation;
        private final Set<DataSet> dataSets = EnumSet.noneOf(DataSet.class);

        private Builder(String id, String title, Severity severity) {
            this.id = id;
            this.title = title;
            this.severity = severity;
        }

        public Builder wellArchitected(String... ids) {
            wa.addAll(List.of(ids));
            return this;
        }

        /** One call per benchmark version: {@code cis("v3.0", "1.5")}. */
        public Builder cis(String version, String control) {
            cis.put(version, control);
            return this;
        }

        public Builder securityHub(String... ids) {
            securityHub.addAll(List.of(ids));
            return this;
        }

        public Builder rationale(String text) {
            rationale = text;
            return this;
        }

        public Builder remediation(String text) {
            remediation = text;
            return this;
        }

        public Builder needs(DataSet... sets) {
            dataSets.addAll(List.of(sets));
            return this;
        }

        public RuleMetadata build() {
            return new RuleMetadata(id, title, severity, wa, cis, securityHub, rationale, remediation, dataSets);
        }
    }
}

package io.iamaudit.export;

import io.iamaudit.analyze.RuleMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A rule's framework references in one shape for both exports: each reference is a standard and a control within it
 * ({@code CIS AWS Foundations Benchmark v3.0} / {@code 1.5}, {@code AWS Security Hub} / {@code IAM.9},
 * {@code AWS Well-Architected Framework} / {@code SEC02-BP01}).
 */
public record ComplianceRefs(List<Reference> references) {
    public static final String CIS = "CIS AWS Foundations Benchmark";
    public static final String SECURITY_HUB = "AWS Security Hub";
    public static final String WELL_ARCHITECTED = "AWS Well-Architected Framework";

    public ComplianceRefs {
        references = List.copyOf(references);
    }

    public record Reference(String standard, String control) {
        /** {@code standard/control}, the form ASFF's {@code Compliance.RelatedRequirements} uses. */
        public String requirement() {
            return standard + "/" + control;
        }
    }

    public static ComplianceRefs of(RuleMetadata rule) {
        if (rule == null) {
            return new ComplianceRefs(List.of());
        }
        List<Reference> out = new ArrayList<>();
        for (Map.Entry<String, String> cis : rule.cis().entrySet()) {
            out.add(new Reference(CIS + " " + cis.getKey(), cis.getValue()));
        }
        rule.securityHub().forEach(id -> out.add(new Reference(SECURITY_HUB, id)));
        rule.wellArchitected().forEach(id -> out.add(new Reference(WELL_ARCHITECTED, id)));
        return new ComplianceRefs(out);
    }

    /** The distinct standards, in reference order. */
    public List<String> standards() {
        return references.stream().map(Reference::standard).distinct().toList();
    }

    public List<String> requirements() {
        return references.stream().map(Reference::requirement).toList();
    }
}

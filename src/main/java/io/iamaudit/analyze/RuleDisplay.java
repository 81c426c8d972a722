package io.iamaudit.analyze;

import java.util.List;

/**
 * How one rule reads in the reports and which framework controls it gives evidence for, from
 * {@code rules/rule-display.yaml}.
 *
 * @param failure    the title of a FAIL or EXCEPTED finding, saying what is wrong
 * @param control    the title of the control, saying the desired state
 * @param soc2       AICPA 2017 Trust Services Criteria, e.g. {@code CC6.1}
 * @param iso27001   ISO/IEC 27001:2022 Annex A, e.g. {@code A.8.5}
 * @param nist80053  NIST SP 800-53 rev. 5, e.g. {@code IA-2(1)}
 */
public record RuleDisplay(String failure, String control, List<String> soc2, List<String> iso27001,
                          @com.fasterxml.jackson.annotation.JsonProperty("nist-800-53") List<String> nist80053) {
    public RuleDisplay {
        soc2 = soc2 == null ? List.of() : List.copyOf(soc2);
        iso27001 = iso27001 == null ? List.of() : List.copyOf(iso27001);
        nist80053 = nist80053 == null ? List.of() : List.copyOf(nist80053);
    }

    /** Every problem with this entry; empty when complete. */
    List<String> problems(String ruleId) {
        List<String> out = new java.util.ArrayList<>();
        if (failure == null || failure.isBlank() || control == null || control.isBlank()) {
            out.add(ruleId + ": failure and control titles are required");
        }
        if (soc2.isEmpty() || !soc2.stream().allMatch(c -> c.matches("CC\\d\\.\\d{1,2}"))) {
            out.add(ruleId + ": needs SOC 2 criteria like CC6.1");
        }
        if (iso27001.isEmpty() || !iso27001.stream().allMatch(c -> c.matches("A\\.[5-8]\\.\\d{1,2}"))) {
            out.add(ruleId + ": needs ISO/IEC 27001:2022 Annex A controls like A.8.5");
        }
        if (nist80053.isEmpty() || !nist80053.stream().allMatch(c -> c.matches("[A-Z]{2}-\\d{1,2}(\\(\\d{1,2}\\))?"))) {
            out.add(ruleId + ": needs NIST SP 800-53 controls like IA-2(1)");
        }
        return out;
    }
}

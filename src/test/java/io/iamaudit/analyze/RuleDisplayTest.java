package io.iamaudit.analyze;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of the catalog has its failure title, control title and framework mappings, and nothing else does. */
class RuleDisplayTest {

    @Test
    void everyCatalogRuleHasACompleteEntryAndEveryEntryARule() {
        assertThat(RuleDisplays.standard().problems(io.iamaudit.analyze.rules.Rules.catalog())).isEmpty();
    }

    @Test
    void aMissingEntryAnUnknownIdAndAnIncompleteEntryAreEachNamed() {
        RuleCatalog catalog = io.iamaudit.analyze.rules.Rules.catalog();
        String first = catalog.rules().get(0).id();
        String second = catalog.rules().get(1).id();
        Map<String, RuleDisplay> entries = new java.util.LinkedHashMap<>(RuleDisplays.standard().all());
        entries.remove(first);
        entries.put("IAM.NO.SUCH_RULE", entries.get(second));
        entries.put(second, new RuleDisplay("Wrong", "Right", List.of("CC6.1"), List.of("A.8.5"), List.of()));
        List<String> problems = new RuleDisplays(entries).problems(catalog);
        assertThat(problems).anyMatch(p -> p.startsWith(first + ": no entry"))
                .anyMatch(p -> p.startsWith("IAM.NO.SUCH_RULE: in "))
                .anyMatch(p -> p.startsWith(second + ": needs NIST"))
                .hasSize(3);
    }

    @Test
    void failureTitlesSayWhatIsWrongAndControlTitlesTheDesiredState() {
        RuleDisplays displays = RuleDisplays.standard();
        assertThat(displays.failureTitle("IAM.ROOT.RECENT_USE", "x")).isEqualTo("Root user used recently");
        assertThat(displays.controlTitle("IAM.ROOT.RECENT_USE", "x")).isEqualTo("Root user not used for daily work");
        assertThat(displays.failureTitle("IAM.UNKNOWN.RULE", "the rule's own title")).isEqualTo("the rule's own title");
        assertThat(displays.of("IAM.USER.CONSOLE_MFA").orElseThrow().nist80053()).contains("IA-2(1)");
    }
}

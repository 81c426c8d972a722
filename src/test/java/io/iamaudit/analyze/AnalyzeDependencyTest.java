package io.iamaudit.analyze;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Rules never call AWS: analyze and policy depend on the staged records, not on the SDK. */
class AnalyzeDependencyTest {

    @Test
    void analyzeAndPolicyDoNotUseTheAwsSdk() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.iamaudit.analyze", "io.iamaudit.policy");
        noClasses().should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..").check(classes);
    }
}

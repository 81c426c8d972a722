package io.iamaudit.report;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The report stage works on the staged snapshot only: no AWS SDK, and it never reaches into publishing. */
class ReportArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.iamaudit.report", "io.iamaudit.publish");

    @Test
    void reportDoesNotUseTheAwsSdk() {
        noClasses().that().resideInAPackage("io.iamaudit.report..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .check(CLASSES);
    }

    @Test
    void reportDoesNotDependOnPublish() {
        noClasses().that().resideInAPackage("io.iamaudit.report..")
                .should().dependOnClassesThat().resideInAPackage("io.iamaudit.publish..")
                .check(CLASSES);
    }
}

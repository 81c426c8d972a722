package io.iamaudit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Data flows one way: discover -> collect -> stage -> analyze -> report -> publish. Rules and reports never call AWS,
 * and the staged snapshot depends on nothing downstream.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.iamaudit");
    }

    /** The rules below would pass vacuously on an empty import: every stage must be there to be checked. */
    @Test
    void everyStageIsImported() {
        java.util.Set<String> packages = new java.util.TreeSet<>();
        classes.forEach(c -> packages.add(c.getPackageName()));
        org.assertj.core.api.Assertions.assertThat(packages).contains("io.iamaudit.discover", "io.iamaudit.collect",
                "io.iamaudit.stage", "io.iamaudit.analyze", "io.iamaudit.report", "io.iamaudit.publish",
                "io.iamaudit.job", "io.iamaudit.cli", "io.iamaudit.sandbox", "io.iamaudit.policy");
    }

    @Test
    void rulesReportsAndTheSnapshotNeverCallAws() {
        noClasses().that().resideInAnyPackage("..analyze..", "..report..", "..stage..", "..policy..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .check(classes);
    }

    @Test
    void theSnapshotDependsOnNothingDownstream() {
        noClasses().that().resideInAPackage("io.iamaudit.stage..")
                .should().dependOnClassesThat().resideInAnyPackage("io.iamaudit.collect..", "io.iamaudit.analyze..",
                        "io.iamaudit.report..", "io.iamaudit.publish..", "io.iamaudit.job..", "io.iamaudit.cli..",
                        "io.iamaudit.sandbox..", "io.iamaudit.discover..")
                .check(classes);
    }

    @Test
    void analysisDoesNotReachIntoCollectionOrOutput() {
        noClasses().that().resideInAPackage("io.iamaudit.analyze..")
                .should().dependOnClassesThat().resideInAnyPackage("io.iamaudit.collect..", "io.iamaudit.discover..",
                        "io.iamaudit.report..", "io.iamaudit.publish..", "io.iamaudit.sandbox..")
                .check(classes);
    }

    @Test
    void productionCodeNeverDependsOnTheSandbox() {
        noClasses().that().resideInAnyPackage("io.iamaudit.collect..", "io.iamaudit.discover..",
                        "io.iamaudit.analyze..", "io.iamaudit.report..", "io.iamaudit.publish..", "io.iamaudit.stage..")
                .should().dependOnClassesThat().resideInAPackage("io.iamaudit.sandbox..")
                .check(classes);
    }
}

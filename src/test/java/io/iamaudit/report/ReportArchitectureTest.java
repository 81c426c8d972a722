package io.iamaudit.report;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report stage works on the staged snapshot only: no AWS SDK, and it never reaches into publishing. */
class ReportArchitectureTest {
    private static JavaClasses classes;

    /**
     * Imports only our two packages without resolving their dependencies from the classpath: the rules need the
     * names of the classes depended on, not the AWS SDK's own class files (resolving them took 40 s here).
     */
    @BeforeAll
    static void importClasses() {
        ArchConfiguration config = ArchConfiguration.get();
        boolean resolve = config.resolveMissingDependenciesFromClassPath();
        config.setResolveMissingDependenciesFromClassPath(false);
        try {
            classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.iamaudit.report", "io.iamaudit.publish");
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

    @Test
    void reportDoesNotUseTheAwsSdk() {
        noClasses().that().resideInAPackage("io.iamaudit.report..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .check(classes);
    }

    @Test
    void theRuleSeesSdkDependenciesWithoutResolvingThem() {
        // publish does use the SDK: the same rule must fail there, or the import would be blind.
        assertThatThrownBy(() -> noClasses().that().resideInAPackage("io.iamaudit.publish..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .check(classes)).isInstanceOf(AssertionError.class).hasMessageContaining("S3Publisher");
    }

    @Test
    void reportDoesNotDependOnPublish() {
        noClasses().that().resideInAPackage("io.iamaudit.report..")
                .should().dependOnClassesThat().resideInAPackage("io.iamaudit.publish..")
                .check(classes);
    }
}

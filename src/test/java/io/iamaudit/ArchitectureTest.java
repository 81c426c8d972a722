package io.iamaudit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data flows one way: discover -> collect -> stage -> analyze -> report -> publish. Rules and reports never call AWS,
 * and the staged snapshot depends on nothing downstream. {@link #ALLOWED} lists, for every package, the packages it
 * may use; the command line is the only package on top, and no packages form a cycle.
 */
class ArchitectureTest {

    /**
     * Every top-level package under {@code io.iamaudit} (subpackages count as their parent) and the packages it may
     * depend on. A new package is one line here; a new dependency is a word added to a line, visible in review.
     * {@code ""} is the root package, which holds only the Spring application configuration.
     */
    static final Map<String, List<String>> ALLOWED = allowed(
            line(""),
            line("json"),
            line("policy", "json"),
            line("stage", "policy", "json"),
            line("discover", "stage"),
            line("collect", "stage", "policy"),
            line("analyze", "stage", "policy", "json"),
            line("report", "analyze", "stage", "policy", "json"),
            line("publish", "report", "stage", "json"),
            line("history", "publish", "report", "stage"),
            line("quarterly", "publish", "report", "stage", "json"),
            line("export", "analyze", "history", "report", "stage", "json"),
            line("sandbox", "policy", "json"),
            line("bench", "sandbox", "report", "stage", "policy", "export"),
            line("job", "discover", "collect", "stage", "analyze", "report", "publish", "history", "export",
                    "policy"),
            line("cli", "", "job", "discover", "collect", "stage", "analyze", "report", "publish", "history",
                    "quarterly", "sandbox", "policy", "json"));

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

    /** A package missing from {@link #ALLOWED} would be checked by nothing: each one has to be declared there. */
    @Test
    void everyPackageIsDeclared() {
        Set<String> found = new TreeSet<>();
        classes.forEach(c -> found.add(topLevel(c.getPackageName())));
        assertThat(ALLOWED.keySet()).as("packages declared in ALLOWED").containsAll(found);
    }

    @Test
    void eachPackageUsesOnlyThePackagesItIsAllowed() {
        ALLOWED.forEach((pkg, allowed) -> {
            String[] forbidden = ALLOWED.keySet().stream()
                    .filter(other -> !other.equals(pkg) && !allowed.contains(other))
                    .map(ArchitectureTest::pattern).toArray(String[]::new);
            if (forbidden.length > 0) {
                noClasses().that().resideInAPackage(pattern(pkg))
                        .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                        .as("io.iamaudit." + pkg + " uses only " + allowed)
                        .allowEmptyShould(true)
                        .check(classes);
            }
        });
    }

    @Test
    void onlyTheCommandLineIsOnTop() {
        ALLOWED.forEach((pkg, allowed) -> assertThat(allowed).as(pkg).doesNotContain("cli"));
        noClasses().that().resideOutsideOfPackage("io.iamaudit.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.iamaudit.cli..")
                .check(classes);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("io.iamaudit.(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * Every package, sub-packages included, as {@code jdeps -verbose:package} sees them: the analysis entry point
     * ({@code analyze.run}) sits above the rules and the least-privilege engine, which use only {@code analyze}'s
     * model, so a rule never reaches back into what runs it.
     */
    @Test
    void noPackageAtAnyDepthFormsACycle() {
        slices().matching("io.iamaudit.(**)").should().beFreeOfCycles().check(classes);
    }

    /** Inside the sandbox too: handlers use state and wire, state never reaches up into the wire format. */
    @Test
    void sandboxPackagesFormNoCycle() {
        slices().matching("io.iamaudit.sandbox.(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * Steps are stateless: a singleton configuration is shared by every run of the process (and by concurrent
     * partitions), so a field there leaks one run's data into the next. Steps hand data on through the job and step
     * execution contexts or the staging store.
     */
    @Test
    void configurationClassesHoldNoState() {
        fields().that().areDeclaredInClassesThat()
                .areAnnotatedWith(org.springframework.context.annotation.Configuration.class)
                .should().beStatic().andShould().beFinal()
                .allowEmptyShould(true)
                .check(classes);
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

    private static String topLevel(String packageName) {
        String rest = packageName.equals("io.iamaudit") ? "" : packageName.substring("io.iamaudit.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** The root package alone (its classes, not its subpackages), or a package with its subpackages. */
    private static String pattern(String pkg) {
        return pkg.isEmpty() ? "io.iamaudit" : "io.iamaudit." + pkg + "..";
    }

    private static Map.Entry<String, List<String>> line(String pkg, String... allowed) {
        return Map.entry(pkg, List.of(allowed));
    }

    @SafeVarargs
    private static Map<String, List<String>> allowed(Map.Entry<String, List<String>>... lines) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> l : lines) {
            map.put(l.getKey(), l.getValue());
        }
        return map;
    }
}

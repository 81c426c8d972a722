package io.iamaudit.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.iamaudit.json.lookalike.ConfiguresItsOwnMapper;
import io.iamaudit.json.lookalike.UsesASharedMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MappersTest {

    private static final List<String> RECONFIGURING = List.of("configure", "enable", "disable", "registerModule",
            "registerModules", "setPropertyNamingStrategy", "setSerializationInclusion", "setDefaultPrettyPrinter",
            "setDefaultPropertyInclusion", "setTimeZone", "setDateFormat");

    record Stamped(String name, Instant at) {
    }

    record Policy(Optional<Integer> minimumLength) {
    }

    record Template(String sheetName) {
    }

    /** Jackson's mapper and factory types, by name: name checks need no class resolution, which keeps this fast. */
    private static final Set<String> JACKSON_TYPES = Set.of("com.fasterxml.jackson.databind.ObjectMapper",
            "com.fasterxml.jackson.databind.json.JsonMapper", "com.fasterxml.jackson.dataformat.yaml.YAMLMapper",
            "com.fasterxml.jackson.core.JsonFactory", "com.fasterxml.jackson.dataformat.yaml.YAMLFactory");

    private static final ArchRule MAPPERS_ARE_BUILT_ONLY_IN_THE_JSON_PACKAGE = noClasses()
            .that().resideOutsideOfPackage("io.iamaudit.json")
            .should().callConstructorWhere(describe("a Jackson mapper or factory is built",
                    c -> JACKSON_TYPES.contains(c.getTarget().getOwner().getName())))
            .orShould().callMethodWhere(describe("a Jackson mapper is built or reconfigured",
                    m -> JACKSON_TYPES.contains(m.getTarget().getOwner().getName())
                            && (RECONFIGURING.contains(m.getTarget().getName())
                            || "builder".equals(m.getTarget().getName()))))
            .because("mappers are configured once, per purpose, in io.iamaudit.json.Mappers");

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        // the rules look at io.iamaudit's own classes only: resolving the SDK and Spring from the classpath would
        // triple the import time for nothing
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.iamaudit");
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

    @Test
    void noOtherPackageBuildsOrReconfiguresAMapper() {
        assertThat(production.containPackage("io.iamaudit.json")).isTrue();
        MAPPERS_ARE_BUILT_ONLY_IN_THE_JSON_PACKAGE.check(production);
    }

    @Test
    void theRuleCatchesAClassConfiguringItsOwnMapperAndPassesOneUsingASharedMapper() {
        assertThatThrownBy(() -> MAPPERS_ARE_BUILT_ONLY_IN_THE_JSON_PACKAGE.check(
                new ClassFileImporter().importClasses(ConfiguresItsOwnMapper.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ConfiguresItsOwnMapper");
        MAPPERS_ARE_BUILT_ONLY_IN_THE_JSON_PACKAGE.check(new ClassFileImporter().importClasses(UsesASharedMapper.class));
    }

    @Test
    void jsonPackageIsALeaf() {
        noClasses().that().resideInAPackage("io.iamaudit.json")
                .should().dependOnClassesThat().resideInAPackage("io.iamaudit..")
                .andShould().dependOnClassesThat().resideOutsideOfPackages("io.iamaudit.json", "java..",
                        "com.fasterxml.jackson..", "org.yaml.snakeyaml..")
                .check(production.that(describe("in io.iamaudit.json",
                        c -> c.getPackageName().equals("io.iamaudit.json"))));
    }

    @Test
    void compactKeepsMembersInTheOrderWritten() throws Exception {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\"}]}";
        assertThat(Mappers.compact().writeValueAsString(Mappers.compact().readTree(policy))).isEqualTo(policy);
    }

    @Test
    void prettyIndentsAndWritesIsoDates() throws Exception {
        String json = Mappers.pretty().writeValueAsString(new Stamped("run", Instant.parse("2026-12-07T03:00:00Z")));
        assertThat(json).isEqualTo("{\n  \"name\" : \"run\",\n  \"at\" : \"2026-12-07T03:00:00Z\"\n}");
        assertThat(Mappers.pretty().readValue(json, Stamped.class).at()).isEqualTo(Instant.parse("2026-12-07T03:00:00Z"));
    }

    @Test
    void stagingKeepsNoneApartFromNotCollectedAndIgnoresNewFields() throws Exception {
        ObjectMapper staging = Mappers.staging();
        assertThat(staging.writeValueAsString(new Policy(Optional.empty()))).isEqualTo("{\"minimumLength\":[]}");
        assertThat(staging.writeValueAsString(new Policy(Optional.of(14)))).isEqualTo("{\"minimumLength\":[14]}");
        assertThat(staging.readValue("{\"minimumLength\":[]}", Policy.class).minimumLength()).isEmpty();
        assertThat(staging.readValue("{\"minimumLength\":[14]}", Policy.class).minimumLength()).contains(14);
        assertThat(staging.readValue("{\"minimumLength\":null}", Policy.class).minimumLength()).isNull();
        assertThat(staging.readValue("{\"minimumLength\":[8],\"later\":1}", Policy.class).minimumLength()).contains(8);
        assertThat(staging.writeValueAsString(new Stamped("x", Instant.parse("2026-01-01T00:00:00Z"))))
                .isEqualTo("{\"name\":\"x\",\"at\":\"2026-01-01T00:00:00Z\"}");
    }

    @Test
    void yamlRejectsUnknownFieldsAndKeepsAccountIdsStrings() throws Exception {
        assertThatThrownBy(() -> Mappers.yaml().readValue("sheetName: a\ntypo: 1\n",
                Template.class)).isInstanceOf(UnrecognizedPropertyException.class);
        assertThat(Mappers.yaml().writeValueAsString(Map.of("account", "012345678901")))
                .isEqualTo("account: \"012345678901\"\n");
    }

    @Test
    void templateYamlReadsKebabCaseAndRejectsUnknownFields() throws Exception {
        assertThat(Mappers.templateYaml().readValue("sheet-name: Summary\n", Template.class).sheetName())
                .isEqualTo("Summary");
        assertThatThrownBy(() -> Mappers.templateYaml().readValue("sheetName: Summary\n", Template.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }
}

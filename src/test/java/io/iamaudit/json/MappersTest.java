package io.iamaudit.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    @Test
    void noOtherPackageBuildsOrReconfiguresAMapper() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.iamaudit");
        assertThat(classes.containPackage("io.iamaudit.json")).isTrue();
        noClasses().that().resideOutsideOfPackage("io.iamaudit.json")
                .should().callConstructorWhere(describe("a mapper or a factory is built",
                        c -> c.getTarget().getOwner().isAssignableTo(ObjectMapper.class)
                                || c.getTarget().getOwner().isAssignableTo(JsonFactory.class)))
                .orShould().callMethodWhere(describe("a mapper is reconfigured",
                        m -> m.getTarget().getOwner().isAssignableTo(ObjectMapper.class)
                                && RECONFIGURING.contains(m.getTarget().getName())))
                .because("mappers are configured once, per purpose, in io.iamaudit.json.Mappers")
                .check(classes);
    }

    @Test
    void jsonPackageIsALeaf() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.iamaudit.json");
        assertThat(classes).isNotEmpty();
        noClasses().that().resideInAPackage("io.iamaudit.json")
                .should().dependOnClassesThat().resideInAPackage("io.iamaudit..")
                .andShould().dependOnClassesThat().resideOutsideOfPackages("io.iamaudit.json", "java..",
                        "com.fasterxml.jackson..", "org.yaml.snakeyaml..")
                .check(classes);
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

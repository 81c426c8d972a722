package io.iamaudit.analyze;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/rules.md is the catalog's markdown rendering; regenerate with {@code -Dgolden.update=true}. */
class RuleCatalogDocTest {

    static final Path DOC = Path.of("docs/rules.md");

    @Test
    void rulesDocumentMatchesTheCatalog() throws IOException {
        RuleCatalog catalog = io.iamaudit.analyze.rules.Rules.catalog();
        String expected = "# Rule catalog\n\n"
                + "Generated from the code by `RuleCatalogDocTest` (`-Dgolden.update=true` rewrites it); catalog "
                + "version `" + catalog.version() + "`.\n"
                + "CIS columns name the control per CIS AWS Foundations Benchmark version (v3.0, v5.0, v6.0; the IAM "
                + "section is 2 in v6.0), taken from Prowler's compliance mappings (prowler/compliance/aws/"
                + "cis_<version>_aws.json); a version is left out where the benchmark has no matching control.\n\n"
                + RuleCatalogFormatter.format(catalog, RuleCatalogFormatter.Format.MARKDOWN)
                + "\n" + PeerCoverage.bundled().markdown();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(DOC, expected);
        }
        assertThat(Files.readString(DOC)).isEqualTo(expected);
    }
}

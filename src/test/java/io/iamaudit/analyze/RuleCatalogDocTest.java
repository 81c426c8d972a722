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
        RuleCatalog catalog = RuleCatalog.standard();
        String expected = "# Rule catalog\n\n"
                + "Generated from the code by `RuleCatalogDocTest` (`-Dgolden.update=true` rewrites it); catalog "
                + "version `" + catalog.version() + "`.\n"
                + "CIS columns name the control per CIS AWS Foundations Benchmark version; a version is left out "
                + "where the control number there is not known for sure (v6.0 is not mapped yet).\n\n"
                + RuleCatalogFormatter.format(catalog, RuleCatalogFormatter.Format.MARKDOWN);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(DOC, expected);
        }
        assertThat(Files.readString(DOC)).isEqualTo(expected);
    }
}

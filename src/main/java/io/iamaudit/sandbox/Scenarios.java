package io.iamaudit.sandbox;

import io.iamaudit.sandbox.scenario.Scenario;
import io.iamaudit.sandbox.scenario.ScenarioValidator;
import io.iamaudit.sandbox.scenario.ScenarioYaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where scenarios come from: the built-in demo and fidelity organizations (classpath {@code scenarios/}, packaged
 * from {@code jobs/scenarios/}) or any scenario file.
 */
public final class Scenarios {

    private Scenarios() {
    }

    /** The demo organization ({@code jobs/scenarios/demo.yaml}). */
    public static Scenario demo() {
        return classpath("demo.yaml");
    }

    /** The small fidelity organization ({@code jobs/scenarios/fidelity.yaml}). */
    public static Scenario fidelity() {
        return classpath("fidelity.yaml");
    }

    /**
     * Reads and validates a scenario file.
     *
     * @throws IllegalArgumentException one line naming the file and the problem, when it is unreadable or invalid
     */
    public static Scenario load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("scenario " + file + ": cannot read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("scenario " + file + ": " + e.getMessage());
        }
    }

    /** The scenario as YAML, e.g. to save a generated one. */
    public static String toYaml(Scenario scenario) {
        return ScenarioYaml.write(scenario);
    }

    private static Scenario classpath(String name) {
        try (InputStream in = Scenarios.class.getResourceAsStream("/scenarios/" + name)) {
            if (in == null) {
                throw new IllegalStateException("scenarios/" + name + " missing from the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("built-in scenario " + name + ": " + e.getMessage(), e);
        }
    }

    private static Scenario parse(InputStream in) throws IOException {
        Scenario scenario = ScenarioYaml.read(in, Scenario.class);
        ScenarioValidator.validate(scenario);
        return scenario;
    }
}

package io.iamaudit.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small scenario files for the reliability tests: the fidelity organization, plus what a test needs. */
final class TestScenarios {

    static final String MANAGEMENT = "100000000001";
    static final String MEMBER = "100000000002";

    private TestScenarios() {
    }

    static String fidelityYaml() {
        try {
            return Files.readString(Path.of("jobs/scenarios/fidelity.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fidelity organization with more accounts (YAML list items, indented two spaces) after its own. */
    static String fidelityWithAccounts(String accountsYaml) {
        String fidelity = fidelityYaml();
        int analyzers = fidelity.indexOf("\nanalyzers:");
        return fidelity.substring(0, analyzers) + "\n" + accountsYaml + fidelity.substring(analyzers);
    }

    /** A plain member account with one console user, under the Workloads OU. */
    static String memberAccount(String id, String name) {
        return "  - id: \"" + id + "\"\n"
                + "    name: " + name + "\n"
                + "    ou: Workloads\n"
                + "    users:\n"
                + "      - {name: user-" + id.substring(8) + ", password: {lastUsedDaysAgo: 3}, attachedPolicies: [ReadOnlyAccess]}\n";
    }

    /** A member account with this many roles, each used recently and holding a read-only policy. */
    static String accountWithRoles(String id, String name, int roles) {
        return accountWithRoles(id, name, roles, "AmazonS3ReadOnlyAccess", "AmazonEC2ReadOnlyAccess");
    }

    /** A member account with this many roles, alternately holding one of two AWS managed policies. */
    static String accountWithRoles(String id, String name, int roles, String evenPolicy, String oddPolicy) {
        StringBuilder yaml = new StringBuilder(memberAccount(id, name)).append("    roles:\n");
        for (int i = 0; i < roles; i++) {
            yaml.append("      - {name: app-role-").append(i)
                    .append(", trustPolicy: {Version: \"2012-10-17\", Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: \"sts:AssumeRole\"}]}")
                    .append(", attachedPolicies: [").append(i % 2 == 0 ? evenPolicy : oddPolicy)
                    .append("], lastUsedDaysAgo: ").append(i % 200).append("}\n");
        }
        return yaml.toString();
    }

    static Path write(Path dir, String name, String yaml) {
        try {
            return Files.writeString(dir.resolve(name), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

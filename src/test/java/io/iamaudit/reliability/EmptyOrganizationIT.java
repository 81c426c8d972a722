package io.iamaudit.reliability;

import io.iamaudit.job.ExitCode;
import io.iamaudit.cli.JarProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** An organization that is only its management account (no member, no OU, no analyzer) is audited like any other. */
class EmptyOrganizationIT {

    @TempDir
    Path home;

    @Test
    void anOrganizationOfOnlyTheManagementAccountIsAuditedAndPublished() throws Exception {
        // given
        Path scenario = TestScenarios.write(home, "lonely.yaml", """
                organization:
                  id: o-lonely00001
                  managementAccount: "100000000009"
                accounts:
                  - id: "100000000009"
                    name: lonely-management
                    users:
                      - {name: only-user, password: {lastUsedDaysAgo: 1}}
                """);

        // when
        JarProcess.Result result = new JarProcess(home).run("org-audit", "--sandbox", scenario.toString(),
                "--output", "file:" + home.resolve("out"));

        // then
        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.COMPLETE);
        assertThat(result.stdout()).contains("1 accounts audited, 0 skipped, 0 failed");
        PublishedOutput out = new PublishedOutput(home.resolve("out"));
        out.assertNothingPartial();
        Path run = out.runFolders().get(0);
        assertThat(out.coverageStatuses(run)).containsExactly(java.util.Map.entry("100000000009", "AUDITED"));
        assertThat(out.csv(run, "principals")).extracting(r -> r.get("ARN"))
                .contains("arn:aws:iam::100000000009:user/only-user");
    }
}

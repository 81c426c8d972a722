package io.iamaudit.deploy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.iamaudit.deploy.DeployPolicies.DEPLOY;
import static io.iamaudit.deploy.DeployPolicies.lines;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfile (there is no Docker engine here to build it, so it is read) and the cron alternative: a
 * multi-stage build whose final stage is a JRE with a non-root user and a writable work directory, and cron lines that
 * cannot overlap and keep their logs.
 */
class DeployImageTest {

    /** One Dockerfile instruction, continuation lines joined. */
    record Instruction(String keyword, String args) {
    }

    static List<Instruction> dockerfile() {
        List<Instruction> out = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : lines(DEPLOY.resolve("Dockerfile"))) {
            String trimmed = line.strip();
            if (pending.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String[] parts = pending.toString().split("\\s+", 2);
            out.add(new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : ""));
            pending.setLength(0);
        }
        return out;
    }

    static List<Instruction> finalStage(List<Instruction> all) {
        int lastFrom = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).keyword().equals("FROM")) {
                lastFrom = i;
            }
        }
        return all.subList(lastFrom, all.size());
    }

    static List<String> of(List<Instruction> instructions, String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::args).toList();
    }

    @Test
    void theBuildIsMultiStageWithMavenThenAJreOnlyFinalStage() {
        // given
        List<Instruction> all = dockerfile();

        // when
        List<String> froms = of(all, "FROM");
        List<Instruction> last = finalStage(all);

        // then
        assertThat(froms).hasSizeGreaterThanOrEqualTo(2);
        assertThat(froms.get(0)).isEqualToIgnoringCase("maven:3.9-eclipse-temurin-17 AS build");
        assertThat(of(all.subList(0, all.indexOf(last.get(0))), "RUN"))
                .anyMatch(run -> run.contains("mvn -B -DskipTests") && run.contains("package"));
        String finalImage = last.get(0).args().split("\\s+")[0];
        assertThat(finalImage).isEqualTo("eclipse-temurin:17-jre");
        assertThat(finalImage).doesNotContainIgnoringCase("jdk").doesNotContainIgnoringCase("maven");
        assertThat(of(last, "COPY")).anyMatch(c -> c.startsWith("--from=build") && c.endsWith("/app/iam-audit.jar"));
        assertThat(of(last, "RUN")).noneMatch(r -> r.contains("mvn") || r.contains("apt-get install"));
        assertThat(of(all, "ADD")).as("ADD fetches URLs and unpacks archives; COPY is enough").isEmpty();
    }

    @Test
    void theFinalStageRunsAsANonRootUserThatOwnsTheWorkDirectory() {
        // given
        List<Instruction> last = finalStage(dockerfile());

        // when
        List<String> users = of(last, "USER");
        String workdir = of(last, "WORKDIR").get(of(last, "WORKDIR").size() - 1);
        String setup = String.join(" && ", of(last, "RUN"));

        // then
        assertThat(users).as("a USER in the final stage").isNotEmpty();
        String user = users.get(users.size() - 1).split(":")[0];
        assertThat(user).isNotIn("root", "0");
        assertThat(Integer.parseInt(user)).as("numeric uid, so runAsNonRoot can verify it").isGreaterThanOrEqualTo(1000);
        Matcher uid = Pattern.compile("useradd .*--uid (\\d+) .*?(\\S+)\\s*(&&|$)").matcher(setup);
        assertThat(uid.find()).as("the user is created: " + setup).isTrue();
        assertThat(uid.group(1)).isEqualTo(user);
        String name = uid.group(2);
        assertThat(setup).contains("chown -R " + name + ":" + name + " " + workdir);
        assertThat(workdir).isEqualTo("/app/work");
        int userAt = indexOf(last, "USER");
        assertThat(last.subList(userAt, last.size())).extracting(Instruction::keyword)
                .as("nothing after USER needs root").doesNotContain("RUN", "COPY");
    }

    @Test
    void theEntrypointRunsTheJarWithABoundedHeapAndDefaultsToTheOrgAudit() {
        // given
        List<Instruction> last = finalStage(dockerfile());

        // then
        assertThat(of(last, "ENTRYPOINT"))
                .containsExactly("[\"java\",\"-XX:MaxRAMPercentage=75\",\"-jar\",\"/app/iam-audit.jar\"]");
        assertThat(of(last, "CMD")).containsExactly("[\"org-audit\"]");
        assertThat(of(last, "ENV")).as("JAVA_TOOL_OPTIONS prints a non-JSON line ahead of the JSON logs")
                .noneMatch(e -> e.contains("JAVA_TOOL_OPTIONS"));
    }

    @Test
    void theJarAlwaysBundlesThePostgresDriverSoNoBuildCanLeaveItOut() throws Exception {
        // given
        var pom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(java.nio.file.Path.of("pom.xml").toFile());
        var xpath = javax.xml.xpath.XPathFactory.newInstance().newXPath();

        // when
        String scope = xpath.evaluate("/project/dependencies/dependency"
                + "[groupId='org.postgresql' and artifactId='postgresql']/scope", pom);
        double profiles = (Double) xpath.evaluate("count(/project/profiles/profile)", pom,
                javax.xml.xpath.XPathConstants.NUMBER);

        // then
        assertThat(scope).isEqualTo("runtime");
        assertThat(profiles).as("no profile can change what the jar bundles").isZero();
        assertThat(of(dockerfile(), "RUN")).anyMatch(r -> r.contains("mvn -B -DskipTests package"))
                .noneMatch(r -> r.contains("-P"));
    }

    @Test
    void theBuildContextLeavesOutBuildOutputAndHistory() {
        List<String> ignored = lines(DEPLOY.resolve("Dockerfile.dockerignore"));
        assertThat(ignored).contains(".git", "**/target");
    }

    @Test
    void cronRunsTheNightlyAuditAndTheQuarterlyReportWithoutOverlapAndLogsToFiles() {
        // given
        List<String[]> jobs = new ArrayList<>();
        for (String line : lines(DEPLOY.resolve("cron.example"))) {
            if (line.isBlank() || line.startsWith("#") || line.matches("^[A-Z_]+=.*")) {
                continue;
            }
            jobs.add(line.split("\\s+", 7));
        }

        // when
        String[] nightly = jobs.stream().filter(j -> j[6].contains(" org-audit ")).findFirst().orElseThrow();
        String[] quarterly = jobs.stream().filter(j -> j[6].contains(" quarterly-report ")).findFirst().orElseThrow();

        // then
        assertThat(jobs).hasSize(2);
        assertThat(String.join(" ", List.of(nightly).subList(0, 5))).isEqualTo("0 2 * * *");
        assertThat(quarterly[2]).isEqualTo("1");
        assertThat(quarterly[3]).isEqualTo("1,4,7,10");
        for (String[] job : jobs) {
            assertThat(job[5]).as("user column").isEqualTo("iamaudit");
            String command = job[6];
            assertThat(command).contains("flock ").contains("/var/lib/iam-audit/iam-audit.lock")
                    .containsPattern(">> /var/log/iam-audit/[a-z-]+\\.log 2>&1")
                    .contains("-jar /opt/iam-audit/iam-audit.jar");
            assertThat(command.replace("\\%", "")).as("a bare % ends a cron command").doesNotContain("%");
        }
        assertThat(nightly[6]).contains("flock -n").contains("--role-name IamAuditRole");
    }

    private static int indexOf(List<Instruction> instructions, String keyword) {
        for (int i = instructions.size() - 1; i >= 0; i--) {
            if (instructions.get(i).keyword().equals(keyword)) {
                return i;
            }
        }
        return -1;
    }
}

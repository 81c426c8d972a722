package io.iamaudit.reliability;

import io.iamaudit.job.ExitCode;
import io.iamaudit.cli.JarProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No credential leaves the process: the logs, every table of the staging database, the report staging folder and
 * every published file hold no secret key, no session token and no full access key id — neither the runner's, nor
 * the sessions the sandbox issued, nor the users' keys in the scenario. (S3 transport, encryption and ACLs:
 * {@code publish.S3PublisherTest} and {@code publish.S3ClientsTest}; read-only deployment policies:
 * {@code deploy.DeployPolicyTest}.)
 */
class NoLeaksIT {

    /** Full access key ids (runner, issued sessions, scenario users): 16+ characters after the prefix. */
    private static final Pattern KEY_ID = Pattern.compile("(?<![A-Z0-9])(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{12,}");
    /** The sandbox's management secret, its session secrets ({@code sandbox/<base64>}) and session tokens. */
    private static final Pattern SECRET = Pattern.compile(
            "sandbox/management/not-a-real-secret-key|sandbox/[A-Za-z0-9+/]{32}|SANDBOXSESSIONTOKEN");

    @TempDir
    Path home;

    @Test
    void noSecretTokenOrFullKeyIdInLogsStagingOrReports() throws Exception {
        // given the fidelity organization: member accounts entered with issued sessions, users with access keys,
        // an Access Analyzer finding naming a key id
        Path out = home.resolve("out");

        // when
        JarProcess.Result result = new JarProcess(home).run("org-audit", "--sandbox",
                Path.of("jobs/scenarios/fidelity.yaml").toAbsolutePath().toString(), "--output", "file:" + out);

        // then the run really used sessions and keys, yet none of them is anywhere
        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.COMPLETE);
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("stdout", result.stdout());
        texts.put("stderr", result.stderr());
        texts.putAll(databaseTexts(home.resolve(".iam-audit/staging")));
        texts.putAll(fileTexts(out));
        texts.putAll(fileTexts(home.resolve(".iam-audit/work")));
        assertThat(texts.keySet()).anyMatch(k -> k.startsWith("table STG_SNAPSHOT"))
                .anyMatch(k -> k.endsWith("findings.csv")).anyMatch(k -> k.contains(".xlsx!"));
        assertThat(texts.get("table STG_SNAPSHOT")).contains("\u2026").contains("UnusedIAMUserAccessKey");
        texts.forEach((where, text) -> {
            assertThat(matches(KEY_ID, text)).as("full access key ids in " + where).isEmpty();
            assertThat(matches(SECRET, text)).as("secrets in " + where).isEmpty();
        });
        PublishedOutput published = new PublishedOutput(out);
        assertThat(published.csv(published.runFolders().get(0), "access-analyzer"))
                .anySatisfy(r -> assertThat(r.get("Access key")).matches("\u2026[A-Z0-9]{4}"));
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** Every table, every row, every column as text, after the process has ended. */
    private static Map<String, String> databaseTexts(Path database) throws Exception {
        Map<String, String> texts = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + database + ";ACCESS_MODE_DATA=r", "sa", "")) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = db.getMetaData().getTables(null, "PUBLIC", "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).contains("STG_SNAPSHOT", "STG_FINDING", "BATCH_JOB_EXECUTION_PARAMS",
                    "BATCH_STEP_EXECUTION_CONTEXT");
            for (String table : tables) {
                StringBuilder text = new StringBuilder();
                try (ResultSet rs = db.createStatement().executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int c = 1; c <= columns; c++) {
                            text.append(rs.getString(c)).append('\n');
                        }
                    }
                }
                texts.put("table " + table, text.toString());
            }
        }
        return texts;
    }

    /** Every file under a folder as text; an xlsx as the text of each entry of its zip. */
    private static Map<String, String> fileTexts(Path root) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (file.toString().endsWith(".xlsx")) {
                    try (ZipFile zip = new ZipFile(file.toFile())) {
                        for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                            try (InputStream in = zip.getInputStream(entry)) {
                                texts.put(file + "!" + entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                            }
                        }
                    }
                } else {
                    try (InputStream in = Files.newInputStream(file)) {
                        texts.put(file.toString(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return texts;
    }
}

package io.iamaudit.cli;

import io.iamaudit.job.ExitCode;
import io.iamaudit.job.RunRequestException;
import org.springframework.boot.context.properties.bind.BindException;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Turns what stopped a command into the one line a user reads and the exit code of the README's table. Everything a
 * user can cause (a bad setting, a database they cannot reach or that another run holds, a driver this jar lacks)
 * is a usage error, exit 2; anything else is a failure, exit 1. The stack trace is for {@code --debug} only.
 *
 * @param exitCode {@link ExitCode#USAGE} or {@link ExitCode#FAILURE}
 * @param line     one line, without the {@code iam-audit: } prefix
 */
record FailureLine(int exitCode, String line) {

    /** H2's "Database may be already in use": another process has the file open. */
    private static final int H2_LOCKED = 90020;

    /**
     * @param datasourceUrl the JDBC URL the run used, to name it (without credentials)
     * @param home          IAM_AUDIT_HOME, where the H2 staging database lives
     */
    static FailureLine of(Throwable failure, String datasourceUrl, Path home) {
        Throwable usage = find(failure, UsageException.class);
        if (usage == null) {
            usage = find(failure, RunRequestException.class);
        }
        if (usage != null) {
            return usage(usage.getMessage());
        }
        BindException bind = find(failure, BindException.class);
        if (bind != null) {
            return usage("configuration: " + describeBind(bind));
        }
        SQLException sql = find(failure, SQLException.class);
        if (sql != null && (sql.getErrorCode() == H2_LOCKED || message(sql).contains("already in use"))) {
            return usage("the staging database in IAM_AUDIT_HOME " + home.toAbsolutePath().normalize()
                    + " is locked: another iam-audit run may be using it (check with: ps -ef | grep iam-audit);"
                    + " if none is, a crashed run left the lock: run again, or set IAM_AUDIT_HOME to another folder");
        }
        if (missingDriver(failure)) {
            return usage("spring.datasource.url " + withoutSecrets(datasourceUrl)
                    + ": this jar has no JDBC driver for it (bundled: H2, PostgreSQL)");
        }
        String url = withoutSecrets(datasourceUrl);
        if (find(failure, SSLException.class) != null || mentions(failure, "ssl")) {
            return usage("TLS refused: " + rootMessage(failure)
                    + (sql != null ? " (database " + url + "; see sslmode in docs/deployment.md)" : ""));
        }
        if (sql != null) {
            return usage("cannot open the job repository at " + url + ": " + rootMessage(failure));
        }
        if (find(failure, ConnectException.class) != null || find(failure, UnknownHostException.class) != null) {
            return usage("cannot reach " + rootMessage(failure));
        }
        return new FailureLine(ExitCode.FAILURE, "failed: " + rootMessage(failure));
    }

    private static FailureLine usage(String line) {
        return new FailureLine(ExitCode.USAGE, firstLine(line));
    }

    /** Names the key, where its value came from (environment, file, command line) and what is wrong with it. */
    private static String describeBind(BindException bind) {
        StringBuilder text = new StringBuilder(bind.getName().toString());
        if (bind.getProperty() != null) {
            text.append(" = '").append(bind.getProperty().getValue()).append("'");
            if (bind.getProperty().getOrigin() != null) {
                text.append(" (").append(bind.getProperty().getOrigin()).append(")");
            }
        }
        return text.append(": ").append(rootMessage(bind)).toString();
    }

    private static boolean missingDriver(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = message(t).toLowerCase(Locale.ROOT);
            if (t instanceof ClassNotFoundException && m.contains("driver")
                    || m.contains("no suitable driver") || m.contains("failed to load driver class")
                    || m.contains("cannot load driver class") || m.contains("suitable driver class")) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(Throwable failure, String word) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException && message(t).toLowerCase(Locale.ROOT).contains(word)) {
                return true;
            }
        }
        return false;
    }

    static String withoutSecrets(String url) {
        return url == null ? "(default)" : url.replaceAll("(?i)(password=)[^;&]*", "$1***")
                .replaceAll("//[^/@]*:[^/@]*@", "//***@");
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return firstLine(m == null || m.isBlank() ? root.getClass().getSimpleName() : m);
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse(text).strip();
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? "" : t.getMessage();
    }

    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}

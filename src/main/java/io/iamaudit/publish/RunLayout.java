package io.iamaudit.publish;

import io.iamaudit.stage.AuditRun;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Pattern;

/**
 * Where a run's files go under an output location: {@code runs/<yyyy>/<mm>/<dd>/<run-id>/}, dated by the run's start
 * in UTC so reruns on another day never collide with or reorder history.
 */
public final class RunLayout {
    public static final String MANIFEST = "manifest.json";
    public static final String LATEST = "latest.json";
    /** The run kind of an engineer's one-account rerun, which moves its own pointer, never {@code latest.json}. */
    public static final String ACCOUNT_AUDIT = "account-audit";
    private static final Pattern POINTER = Pattern.compile("latest(-account-(\\d{12}|audit))?\\.json");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private RunLayout() {
    }

    /** The run's folder relative to the output location, with a trailing slash. */
    public static String runPath(AuditRun run) {
        if (run.runId() == null || !SAFE_ID.matcher(run.runId()).matches() || run.runId().contains("..")) {
            throw new IllegalArgumentException("run id not usable as a folder name: '" + run.runId() + "'");
        }
        ZonedDateTime day = run.startedAt().atZone(ZoneOffset.UTC);
        return String.format("runs/%04d/%02d/%02d/%s/", day.getYear(), day.getMonthValue(), day.getDayOfMonth(),
                run.runId());
    }

    /**
     * The pointer a run moves once published: {@code latest.json} for an org run; an account-audit (an engineer's
     * rerun of one account) moves only {@code latest-account-<id>.json}, so it never redirects auditors or the next
     * night to a run that holds one account.
     */
    public static String pointerFor(AuditRun run) {
        if (ACCOUNT_AUDIT.equals(run.kind())) {
            String account = run.parameters().get("includeAccounts");
            // a run staged without its account (older staging data) still never moves latest.json
            return account != null && account.matches("\\d{12}") ? "latest-account-" + account + ".json"
                    : "latest-account-audit.json";
        }
        return LATEST;
    }

    static String checkPointer(String name) {
        if (name == null || !POINTER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a pointer file name: '" + name + "'");
        }
        return name;
    }

    /** Checks a file name relative to the run folder: forward slashes, no absolute path, no {@code ..}. */
    static String checkRelative(String name) {
        if (name == null || name.isEmpty() || name.startsWith("/") || name.contains("\\")
                || java.util.Arrays.asList(name.split("/")).contains("..")) {
            throw new IllegalArgumentException("not a relative file name: '" + name + "'");
        }
        return name;
    }
}

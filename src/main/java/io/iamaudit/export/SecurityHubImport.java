package io.iamaudit.export;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.ImportFindingsError;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends findings to AWS Security Hub with BatchImportFindings, at most 100 a call (AWS's limit), each account's
 * findings with that account's own client (AWS accepts findings under the default product only from the account they
 * are about). Findings come in account order, so one account's client is open at a time. A finding AWS rejects is
 * logged with AWS's code and message and counted; an account whose client cannot be opened or whose calls fail
 * (Security Hub not enabled, access denied) is reported with AWS's error and skipped: the run is never failed.
 */
public final class SecurityHubImport {
    public static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(SecurityHubImport.class);

    /** Opens a sender acting in an account; the import closes it. */
    @FunctionalInterface
    public interface Clients {
        Sender open(String accountId);
    }

    /** BatchImportFindings in one account, and whatever must be closed with it (the account's role session). */
    public interface Sender extends AutoCloseable {
        BatchImportFindingsResponse batchImport(List<AwsSecurityFinding> findings);

        @Override
        void close();

        static Sender of(SecurityHubClient client, AutoCloseable... alsoClose) {
            return new Sender() {
                @Override
                public BatchImportFindingsResponse batchImport(List<AwsSecurityFinding> findings) {
                    return client.batchImportFindings(r -> r.findings(findings));
                }

                @Override
                public void close() {
                    client.close();
                    for (AutoCloseable c : alsoClose) {
                        try {
                            c.close();
                        } catch (Exception e) {
                            log.debug("closing {}: {}", c, e.toString());
                        }
                    }
                }
            };
        }
    }

    /** One finding AWS did not accept, with its reason. */
    public record Rejected(String accountId, String findingId, String errorCode, String errorMessage) {
    }

    /**
     * @param sent           findings sent (active and archived)
     * @param skipped        findings not sent, their account having failed
     * @param accepted       findings AWS accepted
     * @param archived       of those sent, the ones sent as ARCHIVED
     * @param calls          BatchImportFindings calls made
     * @param failedAccounts accounts where nothing could be imported, with AWS's error
     */
    public record Result(int sent, int skipped, int accepted, int archived, int calls, List<Rejected> rejected,
                         Map<String, String> failedAccounts) {
        public Result {
            rejected = List.copyOf(rejected);
            failedAccounts = Map.copyOf(failedAccounts);
        }

        public String summary() {
            return "Security Hub: " + accepted + " of " + sent + " findings imported (" + archived + " archived) in "
                    + calls + " BatchImportFindings calls, " + rejected.size() + " rejected, "
                    + failedAccounts.size() + " accounts failed (" + skipped + " findings not sent)";
        }
    }

    private final Clients clients;

    public SecurityHubImport(Clients clients) {
        this.clients = clients;
    }

    public Result send(Iterator<AwsSecurityFinding> findings) {
        Progress p = new Progress();
        String account = null;
        Sender client = null;
        List<AwsSecurityFinding> batch = new ArrayList<>(BATCH);
        try {
            while (findings.hasNext()) {
                AwsSecurityFinding f = findings.next();
                if (!f.awsAccountId().equals(account)) {
                    client = flush(client, account, batch, p);
                    close(client);
                    client = null;
                    account = f.awsAccountId();
                    client = open(account, p);
                }
                if (client == null) {
                    p.skipped++;
                    continue;
                }
                batch.add(f);
                if (batch.size() == BATCH) {
                    client = flush(client, account, batch, p);
                }
            }
            client = flush(client, account, batch, p);
        } finally {
            close(client);
        }
        Result result = new Result(p.sent, p.skipped, p.accepted, p.archived, p.calls, p.rejected, p.failedAccounts);
        log.info(result.summary());
        return result;
    }

    private Sender open(String account, Progress p) {
        try {
            return clients.open(account);
        } catch (RuntimeException e) {
            p.failedAccounts.put(account, reason(e));
            log.warn("Security Hub: account {} skipped, no client: {}", account, reason(e));
            return null;
        }
    }

    /** Sends the batch; returns the client, or null once the account has failed (its other findings are skipped). */
    private Sender flush(Sender client, String account, List<AwsSecurityFinding> batch,
                                    Progress p) {
        if (batch.isEmpty() || client == null) {
            return client;
        }
        p.sent += batch.size();
        p.archived += (int) batch.stream().filter(f -> "ARCHIVED".equals(f.recordStateAsString())).count();
        try {
            p.calls++;
            BatchImportFindingsResponse response = client.batchImport(batch);
            p.accepted += response.successCount();
            for (ImportFindingsError e : response.failedFindings()) {
                p.rejected.add(new Rejected(account, e.id(), e.errorCode(), e.errorMessage()));
                log.warn("Security Hub rejected finding {} of account {}: {}: {}", e.id(), account, e.errorCode(),
                        e.errorMessage());
            }
            return client;
        } catch (SdkException e) {
            p.failedAccounts.put(account, reason(e));
            log.warn("Security Hub: account {} skipped after a failed BatchImportFindings: {}", account, reason(e));
            close(client);
            return null;
        } finally {
            batch.clear();
        }
    }

    private static String reason(RuntimeException e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
                return aws.awsErrorDetails().errorCode() + ": " + aws.awsErrorDetails().errorMessage();
            }
            cause = cause.getCause();
        }
        return e.getMessage();
    }

    private static void close(Sender client) {
        if (client != null) {
            client.close();
        }
    }

    private static final class Progress {
        int sent;
        int skipped;
        int accepted;
        int archived;
        int calls;
        final List<Rejected> rejected = new ArrayList<>();
        final Map<String, String> failedAccounts = new LinkedHashMap<>();
    }
}

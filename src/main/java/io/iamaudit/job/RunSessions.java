package io.iamaudit.job;

import io.iamaudit.collect.AccountSession;
import io.iamaudit.collect.AssumeRoleSettings;
import io.iamaudit.collect.AwsClientFactory;
import io.iamaudit.collect.OrgAnalyzerLocator;
import io.iamaudit.collect.OrgAnalyzers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The AWS sessions of one process's run: the caller's own (base credentials), the identity behind it, and the
 * organization's Access Analyzer, looked up once and shared by every account's collection.
 * The account the caller is in is audited with the base credentials; every other account through AssumeRole.
 */
@Component
public class RunSessions implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunSessions.class);

    private final AwsClientFactory factory;
    private final AuditProperties properties;
    private AccountSession base;
    private GetCallerIdentityResponse caller;
    private AccountSession callerAccountSession;
    private OrgAnalyzers orgAnalyzers;

    RunSessions(AwsClientFactory factory, AuditProperties properties) {
        this.factory = factory;
        this.properties = properties;
    }

    public synchronized GetCallerIdentityResponse caller() {
        if (caller == null) {
            caller = base().clients().sts().getCallerIdentity();
        }
        return caller;
    }

    /** The caller's own session, for discovery (Organizations) and identity. */
    public synchronized AccountSession base() {
        if (base == null) {
            // the account is not known before GetCallerIdentity; the session's id is informational only
            base = AccountSession.direct(factory, "caller");
        }
        return base;
    }

    public AssumeRoleSettings assumeRole(String runId) {
        return new AssumeRoleSettings(properties.roleName(), properties.externalId(), properties.sourceIdentity(), runId);
    }

    public synchronized OrgAnalyzers orgAnalyzers(String runId) {
        if (orgAnalyzers == null) {
            callerAccountSession = AccountSession.direct(factory, caller().account());
            orgAnalyzers = new OrgAnalyzerLocator().locate(callerAccountSession,
                    // every partition reads findings through this one session: adaptive retries pace the shared quota
                    id -> AccountSession.open(factory.forSharedQuota(), id, caller().account(), assumeRole(runId)));
            if (orgAnalyzers.note() != null && !orgAnalyzers.note().isBlank()) {
                log.info("Access Analyzer: {}", orgAnalyzers.note());
            }
        }
        return orgAnalyzers;
    }

    @Override
    public synchronized void close() throws Exception {
        if (orgAnalyzers != null) {
            orgAnalyzers.close();
        }
        if (callerAccountSession != null) {
            callerAccountSession.close();
        }
        if (base != null) {
            base.close();
        }
    }
}

package io.iamaudit.sandbox.handler;

import io.iamaudit.sandbox.state.Caller;
import io.iamaudit.sandbox.state.IamDirectory;
import io.iamaudit.sandbox.state.OrganizationState;
import io.iamaudit.sandbox.state.Session;
import io.iamaudit.sandbox.wire.AwsException;
import io.iamaudit.sandbox.wire.SandboxRequest;
import io.iamaudit.sandbox.wire.SandboxResponse;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * STS: AssumeRole issues session credentials bound to the role's account (the role must exist there; the audit
 * role's external id is enforced when the scenario sets one), and GetCallerIdentity answers for whichever
 * credentials signed the call.
 */
public final class StsHandler extends QueryHandler {

    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role/(?:.*/)?([\\w+=,.@-]+)");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

    private final SandboxContext ctx;

    public StsHandler(SandboxContext ctx) {
        super("2011-06-15");
        this.ctx = ctx;
        operation("AssumeRole", this::assumeRole);
        operation("GetCallerIdentity", this::getCallerIdentity);
    }

    @Override
    public String service() {
        return "sts";
    }

    @Override
    public String xmlns() {
        return "https://sts.amazonaws.com/doc/2011-06-15/";
    }

    @Override
    public AwsException serverError() {
        return new AwsException(500, "InternalFailure", "An internal error occurred. Try again.");
    }

    private SandboxResponse getCallerIdentity(SandboxRequest r) {
        Caller c = r.caller();
        return ok(r, x -> x.el("UserId", c.userId()).el("Account", c.accountId()).el("Arn", c.arn()));
    }

    private SandboxResponse assumeRole(SandboxRequest r) {
        String roleArn = r.param("RoleArn");
        String sessionName = r.param("RoleSessionName");
        if (roleArn == null || sessionName == null) {
            throw validation("1 validation error detected: Value null at '" + (roleArn == null ? "roleArn"
                    : "roleSessionName") + "' failed to satisfy constraint: Member must not be null");
        }
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            throw validation("1 validation error detected: Value '" + sessionName + "' at 'roleSessionName' failed to"
                    + " satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]* and length 2-64");
        }
        int duration = r.param("DurationSeconds") == null ? 3600 : Integer.parseInt(r.param("DurationSeconds"));
        if (duration < 900 || duration > 43200) {
            throw validation("1 validation error detected: Value '" + duration + "' at 'durationSeconds' failed to"
                    + " satisfy constraint: Member must have value between 900 and 43200");
        }
        var m = ROLE_ARN.matcher(roleArn);
        AwsException denied = new AwsException(403, "AccessDenied", "User: " + r.caller().arn()
                + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
        if (!m.matches()) {
            throw validation("Invalid RoleArn: " + roleArn);
        }
        String accountId = m.group(1);
        String roleName = m.group(2);
        OrganizationState.Account account = ctx.org().account(accountId);
        if (account == null || !"ACTIVE".equals(account.spec().state()) || ctx.assumeRoleDenied().test(accountId)) {
            throw denied;
        }
        IamDirectory.Role role = ctx.org().directory(accountId).roles().stream()
                .filter(x -> x.name().equals(roleName))
                .findFirst().orElse(null);
        if (role == null) {
            throw denied;
        }
        var audit = ctx.org().organization().auditRole();
        if (role.name().equals(audit.name()) && audit.externalId() != null
                && !audit.externalId().equals(r.param("ExternalId"))) {
            throw denied;
        }
        if (r.caller().assumed() && duration > 3600) {
            throw validation("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role"
                    + " chaining.");
        }
        if (duration > role.spec().maxSessionDuration()) {
            throw validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        String sourceIdentity = r.param("SourceIdentity");
        Session s = ctx.sessions().issue(accountId, roleName, role.id(), sessionName,
                Instant.now().plusSeconds(duration), sourceIdentity);
        return ok(r, x -> {
            x.start("Credentials").el("AccessKeyId", s.accessKeyId()).el("SecretAccessKey", s.secretAccessKey())
                    .el("SessionToken", s.sessionToken()).el("Expiration", s.expiration()).end();
            x.start("AssumedRoleUser").el("AssumedRoleId", s.roleId() + ":" + sessionName)
                    .el("Arn", s.assumedRoleArn()).end();
            if (sourceIdentity != null) {
                x.el("SourceIdentity", sourceIdentity);
            }
        });
    }
}

package io.iamaudit.analyze.risk;

import io.iamaudit.policy.AccessLevel;
import io.iamaudit.policy.ActionCatalog;

import java.util.Locale;
import java.util.Set;

/**
 * Cloudsplaining's risk classes of an action granted without resource constraints ({@code "Resource": "*"}), from the
 * access levels of AWS's Service Authorization Reference (the action model) and two short named lists.
 */
public enum RiskClass {
    /** Read actions that return data from data stores (Cloudsplaining's READ_ONLY_DATA_EXFILTRATION_ACTIONS). */
    DATA_EXFILTRATION("data exfiltration"),
    /** Actions whose response carries credentials. */
    CREDENTIALS_EXPOSURE("credentials exposure"),
    /** "Permissions management" actions: they change who may reach a resource (resource policies, grants, shares). */
    RESOURCE_EXPOSURE("resource exposure"),
    /**
     * Write, permissions-management and tagging actions without resource constraints. Not a rule yet: it would
     * report every support:* or ecs:UpdateService on *, which needs a list of services whose writes are harmless.
     */
    INFRASTRUCTURE_MODIFICATION("infrastructure modification");

    static final Set<String> DATA_EXFILTRATION_ACTIONS = Set.of("s3:getobject", "ssm:getparameter",
            "ssm:getparameters", "ssm:getparametersbypath", "secretsmanager:getsecretvalue");

    /**
     * Actions that return credentials in their response (keys, tokens, passwords); a short list of the well-known
     * ones, named here because the Service Authorization Reference has no such attribute.
     */
    static final Set<String> CREDENTIALS_ACTIONS = Set.of("iam:createaccesskey", "iam:updateaccesskey",
            "iam:createservicespecificcredential", "iam:resetservicespecificcredential", "ec2:getpassworddata",
            "ecr:getauthorizationtoken", "ecr-public:getauthorizationtoken", "codeartifact:getauthorizationtoken",
            "redshift:getclustercredentials", "redshift:getclustercredentialswithiam",
            "redshift-serverless:getcredentials", "sts:getsessiontoken", "sts:getfederationtoken",
            "sso:getrolecredentials", "cognito-identity:getcredentialsforidentity",
            "lightsail:getinstanceaccessdetails", "gamelift:getinstanceaccess", "appsync:createapikey",
            "chime:createapikey", "iot:createkeysandcertificate");

    private final String label;

    RiskClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether an action granted on every resource falls in this class. */
    public boolean includes(String action, ActionCatalog catalog) {
        String key = action.toLowerCase(Locale.ROOT);
        AccessLevel level = catalog.accessLevel(action).orElse(null);
        return switch (this) {
            case DATA_EXFILTRATION -> DATA_EXFILTRATION_ACTIONS.contains(key);
            case CREDENTIALS_EXPOSURE -> CREDENTIALS_ACTIONS.contains(key);
            case RESOURCE_EXPOSURE -> level == AccessLevel.PERMISSIONS_MANAGEMENT;
            case INFRASTRUCTURE_MODIFICATION -> level == AccessLevel.WRITE || level == AccessLevel.PERMISSIONS_MANAGEMENT
                    || level == AccessLevel.TAGGING;
        };
    }
}

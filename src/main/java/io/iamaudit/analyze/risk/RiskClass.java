package io.iamaudit.analyze.risk;

import io.iamaudit.policy.AccessLevel;
import io.iamaudit.policy.ActionCatalog;

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
        // called for every action a wildcard reaches (about 17,000 for "*"), per class and principal: no lower-cased
        // copy of the action, and the access level only for the classes that read it
        return switch (this) {
            case DATA_EXFILTRATION -> containsIgnoreCase(DATA_EXFILTRATION_ACTIONS, action);
            case CREDENTIALS_EXPOSURE -> containsIgnoreCase(CREDENTIALS_ACTIONS, action);
            case RESOURCE_EXPOSURE -> level(action, catalog) == AccessLevel.PERMISSIONS_MANAGEMENT;
            case INFRASTRUCTURE_MODIFICATION -> {
                AccessLevel level = level(action, catalog);
                yield level == AccessLevel.WRITE || level == AccessLevel.PERMISSIONS_MANAGEMENT
                        || level == AccessLevel.TAGGING;
            }
        };
    }

    private static AccessLevel level(String action, ActionCatalog catalog) {
        return catalog.accessLevel(action).orElse(null);
    }

    /** The lists are short (5 and 20 names): comparing lengths first rejects almost every action at once. */
    private static boolean containsIgnoreCase(Set<String> lowerCaseNames, String action) {
        for (String name : lowerCaseNames) {
            if (name.equalsIgnoreCase(action)) {
                return true;
            }
        }
        return false;
    }
}

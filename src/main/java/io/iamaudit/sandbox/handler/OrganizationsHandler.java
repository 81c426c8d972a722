package io.iamaudit.sandbox.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamaudit.sandbox.state.OrganizationState;
import io.iamaudit.sandbox.state.OrganizationState.Account;
import io.iamaudit.sandbox.state.OrganizationState.Ou;
import io.iamaudit.sandbox.wire.AwsException;
import io.iamaudit.sandbox.wire.Json;
import io.iamaudit.sandbox.wire.SandboxRequest;
import io.iamaudit.sandbox.wire.Timestamps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * AWS Organizations (JSON 1.1, target prefix {@code AWSOrganizationsV20161128}). Every read except
 * DescribeOrganization is reserved to the management account and delegated administrators; lists page by at most
 * 20; timestamps are epoch seconds.
 */
public final class OrganizationsHandler extends JsonHandler {

    private static final int PAGE = 20;

    private final OrganizationState org;

    public OrganizationsHandler(SandboxContext ctx) {
        super("AWSOrganizationsV20161128");
        this.org = ctx.org();
        operation("DescribeOrganization", (r, in) -> describeOrganization());
        operation("ListRoots", this::listRoots);
        operation("ListOrganizationalUnitsForParent", this::listOusForParent);
        operation("ListAccountsForParent", this::listAccountsForParent);
        operation("ListAccounts", this::listAccounts);
        operation("ListParents", this::listParents);
        operation("ListChildren", this::listChildren);
        operation("DescribeOrganizationalUnit", this::describeOu);
        operation("DescribeAccount", this::describeAccount);
        operation("ListTagsForResource", this::listTags);
        operation("ListDelegatedAdministrators", this::listDelegatedAdministrators);
    }

    @Override
    public String service() {
        return "organizations";
    }

    @Override
    public AwsException throttling() {
        return new AwsException(400, "TooManyRequestsException", "AWS Organizations can't complete your request "
                + "because another request is already in progress. Try again later.").field("Type", "Organizations");
    }

    @Override
    public AwsException serverError() {
        return new AwsException(500, "ServiceException", "AWS Organizations can't complete your request because "
                + "of an internal service error. Try again later.");
    }

    @Override
    AwsException invalidInput(String reason, String message) {
        return new AwsException(400, "InvalidInputException", message).field("Reason", reason);
    }

    @Override
    public io.iamaudit.sandbox.wire.SandboxResponse handle(String operation, SandboxRequest request) {
        if (!"DescribeOrganization".equals(operation) && !org.canReadOrganization(request.caller().accountId())) {
            throw new AwsException(400, "AccessDeniedException", "You don't have permissions to access this resource.");
        }
        return super.handle(operation, request);
    }

    private ObjectNode describeOrganization() {
        ObjectNode o = Json.object().put("Id", org.organization().id()).put("Arn", org.organizationArn())
                .put("FeatureSet", org.organization().featureSet())
                .put("MasterAccountArn", org.account(org.managementAccountId()).arn())
                .put("MasterAccountId", org.managementAccountId())
                .put("MasterAccountEmail", org.account(org.managementAccountId()).spec().email());
        o.putArray("AvailablePolicyTypes").addObject().put("Type", "SERVICE_CONTROL_POLICY").put("Status", "ENABLED");
        return Json.object().set("Organization", o);
    }

    private ObjectNode listRoots(SandboxRequest r, ObjectNode in) {
        ObjectNode root = Json.object().put("Id", org.organization().rootId()).put("Arn", org.rootArn())
                .put("Name", "Root");
        root.putArray("PolicyTypes").addObject().put("Type", "SERVICE_CONTROL_POLICY").put("Status", "ENABLED");
        return paged(in, "orgs:roots", "Roots", List.of(root), PAGE, x -> x, badToken());
    }

    private ObjectNode listOusForParent(SandboxRequest r, ObjectNode in) {
        String parent = parent(in);
        return paged(in, "orgs:ous:" + parent, "OrganizationalUnits", org.ousUnder(parent), PAGE, this::ou, badToken());
    }

    private ObjectNode listAccountsForParent(SandboxRequest r, ObjectNode in) {
        String parent = parent(in);
        return paged(in, "orgs:accounts:" + parent, "Accounts", org.accountsUnder(parent), PAGE, this::account,
                badToken());
    }

    private ObjectNode listAccounts(SandboxRequest r, ObjectNode in) {
        return paged(in, "orgs:accounts", "Accounts", org.accounts(), PAGE, this::account, badToken());
    }

    private ObjectNode listParents(SandboxRequest r, ObjectNode in) {
        String child = required(in, "ChildId");
        String parentId;
        if (org.account(child) != null) {
            parentId = org.account(child).parentId();
        } else if (org.ou(child) != null) {
            parentId = org.ou(child).parentId();
        } else {
            throw new AwsException(400, "ChildNotFoundException", "We can't find an organizational unit (OU) or AWS "
                    + "account with the ChildId that you specified.");
        }
        ObjectNode p = Json.object().put("Id", parentId)
                .put("Type", parentId.startsWith("r-") ? "ROOT" : "ORGANIZATIONAL_UNIT");
        return paged(in, "orgs:parents:" + child, "Parents", List.of(p), PAGE, x -> x, badToken());
    }

    private ObjectNode listChildren(SandboxRequest r, ObjectNode in) {
        String parent = parent(in);
        String type = required(in, "ChildType");
        List<ObjectNode> children = new ArrayList<>();
        if ("ACCOUNT".equals(type)) {
            org.accountsUnder(parent).forEach(a -> children.add(Json.object().put("Id", a.id()).put("Type", "ACCOUNT")));
        } else if ("ORGANIZATIONAL_UNIT".equals(type)) {
            org.ousUnder(parent).forEach(o -> children.add(Json.object().put("Id", o.id())
                    .put("Type", "ORGANIZATIONAL_UNIT")));
        } else {
            throw invalidInput("INVALID_ENUM", "You specified an invalid value.");
        }
        return paged(in, "orgs:children:" + type + parent, "Children", children, PAGE, x -> x, badToken());
    }

    private ObjectNode describeOu(SandboxRequest r, ObjectNode in) {
        Ou ou = org.ou(required(in, "OrganizationalUnitId"));
        if (ou == null) {
            throw new AwsException(400, "OrganizationalUnitNotFoundException",
                    "We can't find an organizational unit (OU) with the OrganizationalUnitId that you specified.");
        }
        return Json.object().set("OrganizationalUnit", ou(ou));
    }

    private ObjectNode describeAccount(SandboxRequest r, ObjectNode in) {
        Account a = org.account(required(in, "AccountId"));
        if (a == null) {
            throw new AwsException(400, "AccountNotFoundException",
                    "We can't find an AWS account with the AccountId that you specified.");
        }
        return Json.object().set("Account", account(a));
    }

    private ObjectNode listTags(SandboxRequest r, ObjectNode in) {
        String id = required(in, "ResourceId");
        Map<String, String> tags;
        if (org.account(id) != null) {
            tags = org.account(id).spec().tags();
        } else if (org.ou(id) != null) {
            tags = org.ou(id).tags();
        } else if (org.organization().rootId().equals(id)) {
            tags = Map.of();
        } else {
            throw new AwsException(400, "TargetNotFoundException", "We can't find a root, OU, account, or policy "
                    + "with the TargetId that you specified.");
        }
        List<ObjectNode> list = new ArrayList<>();
        new TreeMap<>(tags).forEach((k, v) -> list.add(Json.object().put("Key", k).put("Value", v)));
        return paged(in, "orgs:tags:" + id, "Tags", list, 100, x -> x, badToken());
    }

    private ObjectNode listDelegatedAdministrators(SandboxRequest r, ObjectNode in) {
        String principal = Json.text(in, "ServicePrincipal");
        List<ObjectNode> admins = new ArrayList<>();
        org.organization().delegatedAdministrators().forEach((svc, acct) -> {
            if (principal == null || principal.equals(svc)) {
                Account a = org.account(acct);
                if (admins.stream().noneMatch(x -> x.get("Id").asText().equals(acct))) {
                    ObjectNode admin = account(a).put("DelegationEnabledDate", Timestamps.epoch(a.joined()));
                    admin.remove("Paths");
                    admins.add(admin);
                }
            }
        });
        return paged(in, "orgs:delegated:" + principal, "DelegatedAdministrators", admins, PAGE, x -> x, badToken());
    }

    private ObjectNode account(Account a) {
        ObjectNode o = Json.object().put("Id", a.id()).put("Arn", a.arn()).put("Email", a.spec().email())
                .put("Name", a.spec().name()).put("Status", a.spec().state()).put("State", a.spec().state());
        o.putArray("Paths").add(a.path());
        o.put("JoinedMethod", a.spec().joinedMethod()).put("JoinedTimestamp", Timestamps.epoch(a.joined()));
        return o;
    }

    private ObjectNode ou(Ou o) {
        return Json.object().put("Id", o.id()).put("Arn", o.arn()).put("Name", o.name()).put("Path", o.path());
    }

    private String parent(ObjectNode in) {
        String parent = required(in, "ParentId");
        if (!org.isParent(parent)) {
            throw new AwsException(400, "ParentNotFoundException",
                    "We can't find a root or OU with the ParentId that you specified.");
        }
        return parent;
    }

    private String required(ObjectNode in, String name) {
        String v = Json.text(in, name);
        if (v == null) {
            throw invalidInput("INPUT_REQUIRED", "You must specify a value for " + name + ".");
        }
        return v;
    }

    private AwsException badToken() {
        return invalidInput("INVALID_NEXT_TOKEN", "You specified an invalid value for nextToken.");
    }
}

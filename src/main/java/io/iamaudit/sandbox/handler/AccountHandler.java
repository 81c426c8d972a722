package io.iamaudit.sandbox.handler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamaudit.sandbox.scenario.AccountSpec;
import io.iamaudit.sandbox.state.OrganizationState;
import io.iamaudit.sandbox.wire.AwsException;
import io.iamaudit.sandbox.wire.Json;
import io.iamaudit.sandbox.wire.Pages;
import io.iamaudit.sandbox.wire.Protocol;
import io.iamaudit.sandbox.wire.SandboxRequest;
import io.iamaudit.sandbox.wire.SandboxResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * AWS Account Management (REST-JSON), ListRegions only ({@code POST /listRegions}): the caller's own account, its
 * enabled regions as ENABLED_BY_DEFAULT and the scenario's disabled ones as DISABLED. AWS lists every region of the
 * partition; the sandbox lists only the scenario's, so an account reads Secrets Manager in one or two regions, not
 * seventeen. {@code AccountId} of another account is refused, as AWS does outside the management account.
 */
public final class AccountHandler implements ServiceHandler {

    private static final int MAX_RESULTS = 50;

    private final OrganizationState org;

    public AccountHandler(SandboxContext ctx) {
        this.org = ctx.org();
    }

    @Override
    public String service() {
        return "account";
    }

    @Override
    public Protocol protocol() {
        return Protocol.REST_JSON;
    }

    @Override
    public String operationOf(SandboxRequest r) {
        return "POST".equals(r.method()) && "/listRegions".equals(r.path()) ? "ListRegions" : null;
    }

    @Override
    public boolean implemented(String operation) {
        return "ListRegions".equals(operation);
    }

    @Override
    public SandboxResponse handle(String operation, SandboxRequest r) {
        ObjectNode in = Json.body(r.body(), new AwsException(400, "ValidationException", "Invalid request body"));
        String caller = r.caller().accountId();
        String target = Json.text(in, "AccountId");
        if (target != null && !target.equals(caller)) {
            throw new AwsException(403, "AccessDeniedException",
                    "User is not authorized to perform account:ListRegions on account " + target);
        }
        AccountSpec account = org.account(caller).spec();
        List<String[]> regions = new ArrayList<>();
        account.regions().forEach(n -> regions.add(new String[]{n, "ENABLED_BY_DEFAULT"}));
        account.disabledRegions().forEach(n -> regions.add(new String[]{n, "DISABLED"}));
        int max = Json.integer(in, "MaxResults", MAX_RESULTS);
        if (max < 1 || max > MAX_RESULTS) {
            throw new AwsException(400, "ValidationException", "MaxResults must be between 1 and 50");
        }
        Pages.Page<String[]> page = Pages.page(regions, "regions:" + caller, Json.text(in, "NextToken"), max,
                () -> new AwsException(400, "ValidationException", "The NextToken value is invalid."));
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("Regions");
        page.items().forEach(x -> list.addObject().put("RegionName", x[0]).put("RegionOptStatus", x[1]));
        if (page.nextToken() != null) {
            out.put("NextToken", page.nextToken());
        }
        return protocol().json(out);
    }

    @Override
    public AwsException throttling() {
        return new AwsException(429, "TooManyRequestsException", "Rate exceeded");
    }

    @Override
    public AwsException serverError() {
        return new AwsException(500, "InternalServerException", "Internal server error");
    }
}

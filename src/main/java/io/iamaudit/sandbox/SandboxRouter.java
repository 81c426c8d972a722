package io.iamaudit.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.iamaudit.sandbox.handler.ServiceHandler;
import io.iamaudit.sandbox.state.Caller;
import io.iamaudit.sandbox.state.OrganizationState;
import io.iamaudit.sandbox.state.Session;
import io.iamaudit.sandbox.state.SessionStore;
import io.iamaudit.sandbox.wire.AwsException;
import io.iamaudit.sandbox.wire.SandboxRequest;
import io.iamaudit.sandbox.wire.SandboxResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one HTTP endpoint: picks the service from the SigV4 credential scope, identifies the caller from the access
 * key, counts the call, applies latency and faults, then lets the service's handler answer — every answer, error
 * or not, carrying a request id.
 */
final class SandboxRouter implements HttpHandler {

    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/[^/]+/[^/]+/([^/]+)/aws4_request");
    private static final Pattern QUERY_VERSION = Pattern.compile("(?:^|&)Version=([0-9-]+)");

    private final Map<String, ServiceHandler> handlers = new LinkedHashMap<>();
    private final OrganizationState org;
    private final SessionStore sessions;
    private final SandboxProfile profile;
    private final SandboxFaults faults;
    private final SandboxStats stats;
    private final Random random;

    SandboxRouter(List<ServiceHandler> services, OrganizationState org, SessionStore sessions, SandboxProfile profile,
                  SandboxFaults faults, SandboxStats stats) {
        services.forEach(h -> handlers.put(h.service(), h));
        this.org = org;
        this.sessions = sessions;
        this.profile = profile;
        this.faults = faults;
        this.stats = stats;
        this.random = new Random(profile.seed());
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        SandboxResponse response;
        try {
            SandboxRequest request = read(exchange, requestId);
            ServiceHandler handler = handlers.get(request.service());
            if (handler == null) {
                stats.call(request.service() + ":unknown");
                response = io.iamaudit.sandbox.wire.Protocol.REST_JSON.error(new AwsException(404,
                        "UnknownOperationException", "The sandbox does not serve " + request.service()), requestId, null);
            } else {
                response = answer(handler, request);
            }
        } catch (RuntimeException e) {
            response = SandboxResponse.of(500, "text/plain", "sandbox failure: " + e);
        }
        send(exchange, requestId, response);
    }

    private SandboxResponse answer(ServiceHandler handler, SandboxRequest request) {
        String operation = handler.operationOf(request);
        String key = handler.service() + ":" + (operation == null ? "unknown" : operation);
        stats.call(key);
        try {
            sleep(latency(handler.service(), operation));
            Caller caller = identify(request, handler);
            // fault rates are keyed by service or by service:Operation (one operation failing alone)
            if (faults.failing(caller.accountId()) || faults.randomError(handler.service()) || faults.randomError(key)) {
                stats.error(key);
                throw handler.serverError();
            }
            SandboxFaults.Throttle throttle = faults.throttled(handler.service(), caller.accountId());
            if (throttle == SandboxFaults.Throttle.NONE) {
                throttle = faults.throttled(key, caller.accountId());
            }
            if (throttle != SandboxFaults.Throttle.NONE) {
                stats.throttle(key, throttle == SandboxFaults.Throttle.QUOTA);
                throw handler.throttling();
            }
            if (operation == null || !handler.implemented(operation)) {
                throw handler.unknownOperation(operation == null ? request.method() + " " + request.path() : operation);
            }
            SandboxResponse answer = handler.handle(operation, request.withCaller(caller));
            java.util.function.UnaryOperator<String> rewrite = faults.rewrite(key);
            return rewrite == null || answer.status() >= 300 ? answer : new SandboxResponse(answer.status(),
                    answer.contentType(), answer.headers(),
                    rewrite.apply(answer.bodyText()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (AwsException e) {
            return handler.protocol().error(e, request.requestId(), handler.xmlns());
        } catch (RuntimeException e) {
            AwsException failure = handler.serverError();
            return handler.protocol().error(failure, request.requestId(), handler.xmlns());
        }
    }

    /** The caller: a session the sandbox issued, or else the management account's base credentials. */
    private Caller identify(SandboxRequest request, ServiceHandler handler) {
        Matcher m = CREDENTIAL.matcher(request.header("authorization") == null ? "" : request.header("authorization"));
        String keyId = m.find() ? m.group(1) : SandboxCredentials.MANAGEMENT.accessKeyId();
        if (faults.expired(keyId)) {
            throw handler.expiredToken();
        }
        Session s = sessions.find(keyId);
        if (s == null) {
            String mgmt = org.managementAccountId();
            return new Caller(mgmt, "arn:aws:iam::" + mgmt + ":user/sandbox-admin",
                    io.iamaudit.sandbox.state.Ids.iam("AIDA", mgmt + "/sandbox-admin"), keyId, null);
        }
        if (Instant.now().isAfter(s.expiration()) || faults.expired(s.issued())) {
            throw handler.expiredToken();
        }
        return new Caller(s.accountId(), s.assumedRoleArn(), s.roleId() + ":" + s.sessionName(), keyId, s);
    }

    private SandboxRequest read(HttpExchange ex, String requestId) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.isEmpty() ? "" : v.get(0)));
        String contentType = headers.getOrDefault("content-type", "");
        String bodyText = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        Map<String, String> form = contentType.startsWith("application/x-www-form-urlencoded")
                ? SandboxRequest.decodeForm(bodyText) : Map.of();
        String rawPath = ex.getRequestURI().getRawPath();
        return new SandboxRequest(requestId, service(headers, bodyText), ex.getRequestMethod(),
                rawPath == null || rawPath.isEmpty() ? "/" : rawPath,
                SandboxRequest.decodeForm(ex.getRequestURI().getRawQuery()), headers, body, form, null);
    }

    /** The service from the credential scope; unsigned requests are recognised by their shape. */
    private static String service(Map<String, String> headers, String body) {
        Matcher m = CREDENTIAL.matcher(headers.getOrDefault("authorization", ""));
        if (m.find()) {
            return m.group(2);
        }
        if (headers.containsKey("x-amz-target")) {
            return "organizations";
        }
        Matcher v = QUERY_VERSION.matcher(body);
        if (v.find()) {
            return "2011-06-15".equals(v.group(1)) ? "sts" : "iam";
        }
        return "access-analyzer";
    }

    private long latency(String service, String operation) {
        SandboxProfile.Latency l = profile.latency().get(service + ":" + operation);
        if (l == null) {
            l = profile.latency().get(service);
        }
        if (l == null) {
            l = profile.latency().get("default");
        }
        if (l == null || l.maxMillis() <= 0) {
            return 0;
        }
        synchronized (random) {
            return l.minMillis() + (l.maxMillis() > l.minMillis()
                    ? (long) (random.nextDouble() * (l.maxMillis() - l.minMillis())) : 0);
        }
    }

    private static void sleep(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void send(HttpExchange ex, String requestId, SandboxResponse r) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", r.contentType());
        h.set("x-amzn-RequestId", requestId);
        h.set("x-amz-request-id", requestId);
        r.headers().forEach(h::set);
        ex.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(r.body());
        }
    }
}

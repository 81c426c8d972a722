package io.iamaudit.sandbox.handler;

import io.iamaudit.sandbox.wire.AwsException;
import io.iamaudit.sandbox.wire.Protocol;
import io.iamaudit.sandbox.wire.SandboxRequest;
import io.iamaudit.sandbox.wire.SandboxResponse;

/**
 * One AWS service as the sandbox serves it: how to tell which operation a request is, how to answer it, and the
 * service's own errors for throttling, server faults, expired tokens and unknown operations.
 */
public interface ServiceHandler {

    /** The SigV4 signing name the router dispatches on ({@code iam}, {@code sts}, …). */
    String service();

    Protocol protocol();

    /** The XML namespace of query-protocol answers; null for JSON services. */
    default String xmlns() {
        return null;
    }

    /** The operation named by the request (even one the sandbox does not implement), or null when none is. */
    String operationOf(SandboxRequest request);

    /** Whether the sandbox implements the operation. */
    boolean implemented(String operation);

    /** Answers an implemented operation; AWS errors are thrown as {@link AwsException}. */
    SandboxResponse handle(String operation, SandboxRequest request);

    AwsException throttling();

    AwsException serverError();

    /** The protocol's answer by default; a service whose words differ (the query protocol's version) overrides it. */
    default AwsException unknownOperation(String operation) {
        return protocol().unknownOperation(operation);
    }

    default AwsException expiredToken() {
        return protocol().expiredToken();
    }
}

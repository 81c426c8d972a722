package io.iamaudit.collect;

import io.iamaudit.testsupport.QueryApiStub;
import io.iamaudit.testsupport.QueryApiStub.Reply;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;

import java.util.concurrent.atomic.AtomicInteger;

import static io.iamaudit.testsupport.IamXml.error;
import static io.iamaudit.testsupport.IamXml.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Throttling retries, attempt counting and AssumeRole refusals against a query-protocol stub. */
class RetriesAndCountsStubTest {

    private static final String SUMMARY = "<SummaryMap><entry><key>Users</key><value>3</value></entry>"
            + "</SummaryMap>";

    @Test
    void throttledAttemptsAreRetriedAndCountedApart() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (QueryApiStub stub = new QueryApiStub(form -> calls.incrementAndGet() <= 3
                ? new Reply(400, error("Throttling", "Rate exceeded"))
                : new Reply(200, response("GetAccountSummary", SUMMARY)));
             AwsClientFactory factory = StubClients.factory(stub.endpoint(), 8)) {
            CallCounter counter = new CallCounter();
            IamClient iam = StubClients.iam(factory, counter);

            assertThat(new AccountSummaryCollector(iam).collect().summaryMap()).containsEntry("Users", 3);
            iam.getAccountSummary();

            assertThat(counter.counts()).containsExactly(java.util.Map.entry("iam:GetAccountSummary", 5L));
            assertThat(counter.throttledCounts()).containsExactly(java.util.Map.entry("iam:GetAccountSummary", 3L));
            assertThat(counter.total()).isEqualTo(5);
            assertThat(counter.totalThrottled()).isEqualTo(3);
            iam.close();
        }
    }

    @Test
    void retriesStopAtMaxAttemptsAndTheErrorKeepsAwsCode() throws Exception {
        try (QueryApiStub stub = new QueryApiStub(form -> new Reply(400, error("Throttling", "Rate exceeded")));
             AwsClientFactory factory = StubClients.factory(stub.endpoint(), 3)) {
            CallCounter counter = new CallCounter();
            IamClient iam = StubClients.iam(factory, counter);

            assertThatThrownBy(iam::getAccountSummary).isInstanceOf(IamException.class)
                    .satisfies(e -> assertThat(AwsErrors.describe(e))
                            .isEqualTo("Throttling: Rate exceeded (HTTP 400)"));
            assertThat(stub.requests()).hasSize(3);
            assertThat(counter.counts()).containsEntry("iam:GetAccountSummary", 3L);
            assertThat(counter.throttledCounts()).containsEntry("iam:GetAccountSummary", 3L);
            iam.close();
        }
    }

    @Test
    void nonThrottlingErrorsAreNotCountedAsThrottled() throws Exception {
        try (QueryApiStub stub = new QueryApiStub(form -> new Reply(403, error("AccessDenied",
                "User is not authorized to perform: iam:GetAccountSummary")));
             AwsClientFactory factory = StubClients.factory(stub.endpoint(), 8)) {
            CallCounter counter = new CallCounter();
            IamClient iam = StubClients.iam(factory, counter);

            assertThatThrownBy(iam::getAccountSummary).isInstanceOf(IamException.class);
            assertThat(counter.counts()).containsEntry("iam:GetAccountSummary", 1L);
            assertThat(counter.throttledCounts()).isEmpty();
            iam.close();
        }
    }

    @Test
    void deniedAssumeRoleBecomesAnAccountAccessExceptionWithAwsCode() throws Exception {
        try (QueryApiStub sts = new QueryApiStub(form -> new Reply(403, "<ErrorResponse xmlns=\"https://sts."
                + "amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>"
                + "User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: sts:AssumeRole on "
                + "resource: " + form.get("RoleArn") + "</Message></Error><RequestId>r</RequestId></ErrorResponse>"));
             AwsClientFactory factory = StubClients.factory(sts.endpoint(), 3)) {
            AssumeRoleSettings role = new AssumeRoleSettings("AuditRole", "ext-EXAMPLE", "auditor", "run-7");

            assertThatThrownBy(() -> AccountSession.open(factory, "111122223333", "123456789012", role))
                    .isInstanceOfSatisfying(AccountAccessException.class, e -> {
                        assertThat(e.accountId()).isEqualTo("111122223333");
                        assertThat(e.errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.getMessage()).isEqualTo("account 111122223333: AccessDenied: cannot assume "
                                + "arn:aws:iam::111122223333:role/AuditRole: User: arn:aws:iam::123456789012:user/"
                                + "auditor is not authorized to perform: sts:AssumeRole on resource: "
                                + "arn:aws:iam::111122223333:role/AuditRole");
                    });
            // AccessDenied is not retried, and the request carried what the trust policy may require
            assertThat(sts.requests()).singleElement().satisfies(request -> assertThat(request)
                    .containsEntry("Action", "AssumeRole")
                    .containsEntry("RoleSessionName", "iam-audit-run-7")
                    .containsEntry("ExternalId", "ext-EXAMPLE")
                    .containsEntry("SourceIdentity", "auditor"));
        }
    }
}

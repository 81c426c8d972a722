package io.iamaudit.collect;

import io.iamaudit.stage.CredentialReport;
import io.iamaudit.stage.PrincipalLastAccessed;
import io.iamaudit.stage.ServiceLastAccessed;
import io.iamaudit.testsupport.QueryApiStub;
import io.iamaudit.testsupport.QueryApiStub.Reply;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.iamaudit.testsupport.IamXml.error;
import static io.iamaudit.testsupport.IamXml.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** IAM's asynchronous jobs (credential report, last accessed) through their states, on the wire. */
class AsyncIamJobsStubTest {

    private static final String CSV = "user,arn,user_creation_time,password_enabled,mfa_active\n"
            + "<root_account>,arn:aws:iam::123456789012:root,2019-01-10T08:00:00+00:00,not_supported,true\n";
    private static final String ROLE = "arn:aws:iam::123456789012:role/app";
    private static final String USER = "arn:aws:iam::123456789012:user/alice";
    private static final String GONE = "arn:aws:iam::123456789012:user/deleted-meanwhile";

    private final List<Duration> sleeps = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Poller poller(Duration budget) {
        return new Poller(Duration.ofMillis(1), Duration.ofMillis(4), 2.0, budget, sleeps::add, System::nanoTime);
    }

    @Test
    void credentialReportIsFetchedOnceGenerationCompletesAndRegeneratedWhenGone() throws Exception {
        AtomicInteger generate = new AtomicInteger();
        AtomicInteger get = new AtomicInteger();
        try (QueryApiStub stub = new QueryApiStub(form -> switch (form.get("Action")) {
            case "GenerateCredentialReport" -> new Reply(200, response("GenerateCredentialReport",
                    "<State>" + (generate.incrementAndGet() < 3 ? "INPROGRESS" : "COMPLETE") + "</State>"));
            case "GetCredentialReport" -> switch (get.incrementAndGet()) {
                case 1 -> new Reply(410, error("ReportExpired", "the report expired"));
                case 2 -> new Reply(404, error("ReportInProgress", "still generating"));
                default -> new Reply(200, response("GetCredentialReport", "<Content>"
                        + Base64.getEncoder().encodeToString(CSV.getBytes(StandardCharsets.UTF_8))
                        + "</Content><ReportFormat>text/csv</ReportFormat>"
                        + "<GeneratedTime>2025-01-20T10:00:00Z</GeneratedTime>"));
            };
            default -> new Reply(400, error("InvalidAction", form.get("Action")));
        });
             AwsClientFactory factory = StubClients.factory(stub.endpoint(), 1);
             IamClient iam = StubClients.iam(factory, new CallCounter())) {

            CredentialReport report = new CredentialReportCollector(iam, poller(Duration.ofSeconds(5))).collect();

            assertThat(report.generatedTime()).isEqualTo(Instant.parse("2025-01-20T10:00:00Z"));
            assertThat(report.root()).isPresent();
            assertThat(get).hasValue(3);
            // start + INPROGRESS, INPROGRESS, then COMPLETE before each of the three gets
            assertThat(generate).hasValue(5);
            assertThat(sleeps).hasSize(3);
        }
    }

    @Test
    void credentialReportThatNeverCompletesEndsWithAClearError() throws Exception {
        try (QueryApiStub stub = new QueryApiStub(form -> new Reply(200, response("GenerateCredentialReport",
                "<State>INPROGRESS</State>")));
             AwsClientFactory factory = StubClients.factory(stub.endpoint(), 1);
             IamClient iam = StubClients.iam(factory, new CallCounter())) {
            Poller tight = new Poller(Duration.ofMillis(5), Duration.ofMillis(5), 1.0, Duration.ofMillis(60),
                    d -> Thread.sleep(d.toMillis()), System::nanoTime);

            assertThatThrownBy(() -> new CredentialReportCollector(iam, tight).collect())
                    .isInstanceOf(Poller.PollTimeoutException.class)
                    .hasMessageStartingWith("credential report not ready after");
        }
    }

    @Test
    void lastAccessedJobsAreAllGeneratedFirstThenPolledThroughPages() throws Exception {
        AtomicInteger roleReads = new AtomicInteger();
        try (QueryApiStub stub = new QueryApiStub(form -> switch (form.get("Action")) {
            case "GenerateServiceLastAccessedDetails" -> {
                assertThat(form).containsEntry("Granularity", "ACTION_LEVEL");
                yield form.get("Arn").equals(GONE)
                        ? new Reply(404, error("NoSuchEntity", "The user with name deleted-meanwhile cannot be found."))
                        : new Reply(200, response("GenerateServiceLastAccessedDetails",
                        "<JobId>job-" + form.get("Arn").substring(form.get("Arn").lastIndexOf('/') + 1)
                                + "</JobId>"));
            }
            case "GetServiceLastAccessedDetails" -> form.get("JobId").equals("job-alice")
                    ? new Reply(200, response("GetServiceLastAccessedDetails", "<JobStatus>FAILED</JobStatus>"
                    + "<JobCreationDate>2025-01-20T10:00:00Z</JobCreationDate><ServicesLastAccessed/>"
                    + "<Error><Code>InternalError</Code><Message>job broke</Message></Error>"))
                    : roleReads.incrementAndGet() <= 2
                    ? new Reply(200, response("GetServiceLastAccessedDetails", "<JobStatus>IN_PROGRESS</JobStatus>"
                    + "<JobCreationDate>2025-01-20T10:00:00Z</JobCreationDate><ServicesLastAccessed/>"))
                    : new Reply(200, response("GetServiceLastAccessedDetails", rolePage(form.get("Marker"))));
            default -> new Reply(400, error("InvalidAction", form.get("Action")));
        });
             AwsClientFactory factory = StubClients.factory(stub.endpoint(), 1);
             IamClient iam = StubClients.iam(factory, new CallCounter())) {
            LastAccessedCollector collector = new LastAccessedCollector(iam, poller(Duration.ofSeconds(5)));

            List<PrincipalLastAccessed> result = collector.await(collector.start(List.of(ROLE, USER, GONE)));

            List<String> actions = stub.requests().stream().map(r -> r.get("Action")).toList();
            assertThat(actions.subList(0, 3)).containsOnly("GenerateServiceLastAccessedDetails");
            assertThat(actions.subList(3, actions.size())).containsOnly("GetServiceLastAccessedDetails");
            assertThat(result).extracting(PrincipalLastAccessed::principalArn).containsExactly(ROLE, USER, GONE);
            PrincipalLastAccessed role = result.get(0);
            assertThat(role.error()).isNull();
            assertThat(role.services()).extracting(ServiceLastAccessed::serviceNamespace)
                    .containsExactly("s3", "dynamodb");
            ServiceLastAccessed s3 = role.services().get(0);
            assertThat(s3.lastAuthenticated()).isEqualTo(Instant.parse("2025-01-15T08:30:00Z"));
            assertThat(s3.trackedActions()).extracting(ServiceLastAccessed.ActionLastAccessed::actionName)
                    .containsExactly("CreateBucket", "DeleteBucket");
            assertThat(s3.trackedActions().get(1).lastAccessedTime()).isNull();
            assertThat(role.services().get(1).lastAuthenticated()).isNull();
            assertThat(result.get(1).error()).isEqualTo("job failed: InternalError: job broke");
            assertThat(result.get(2).error()).startsWith("GenerateServiceLastAccessedDetails failed: NoSuchEntity");
            assertThat(sleeps).hasSize(2);
        }
    }

    @Test
    void aPollingPassStopsAtTheFirstJobStillRunningAndTheNextResumesThere() throws Exception {
        // given: three jobs generated in order; the second is still running on its first read
        AtomicInteger secondReads = new AtomicInteger();
        try (QueryApiStub stub = new QueryApiStub(form -> form.get("Action").startsWith("Generate")
                ? new Reply(200, response("GenerateServiceLastAccessedDetails", "<JobId>job-"
                + form.get("Arn").substring(form.get("Arn").lastIndexOf('/') + 1) + "</JobId>"))
                : form.get("JobId").equals("job-second") && secondReads.incrementAndGet() == 1
                ? new Reply(200, response("GetServiceLastAccessedDetails", "<JobStatus>IN_PROGRESS</JobStatus>"
                + "<JobCreationDate>2025-01-20T10:00:00Z</JobCreationDate><ServicesLastAccessed/>"))
                : new Reply(200, response("GetServiceLastAccessedDetails", "<JobStatus>COMPLETED</JobStatus>"
                + "<JobCreationDate>2025-01-20T10:00:00Z</JobCreationDate><IsTruncated>false</IsTruncated>"
                + "<ServicesLastAccessed/>")));
             AwsClientFactory factory = StubClients.factory(stub.endpoint(), 1);
             IamClient iam = StubClients.iam(factory, new CallCounter())) {
            LastAccessedCollector collector = new LastAccessedCollector(iam, poller(Duration.ofSeconds(5)));
            List<String> arns = List.of("arn:aws:iam::123456789012:role/first",
                    "arn:aws:iam::123456789012:role/second", "arn:aws:iam::123456789012:role/third");

            // when
            List<PrincipalLastAccessed> result = collector.await(collector.start(arns));

            // then: the third job is not asked about while the second (generated before it) runs
            List<String> reads = stub.requests().stream().filter(r -> r.get("Action").startsWith("Get"))
                    .map(r -> r.get("JobId")).toList();
            assertThat(reads).containsExactly("job-first", "job-second", "job-second", "job-third");
            assertThat(sleeps).hasSize(1);
            assertThat(result).extracting(PrincipalLastAccessed::principalArn).containsExactlyElementsOf(arns);
            assertThat(result).allSatisfy(p -> assertThat(p.error()).isNull());
        }
    }

    @Test
    void jobsStillRunningWhenTheBudgetEndsKeepAnErrorEach() throws Exception {
        try (QueryApiStub stub = new QueryApiStub(form -> form.get("Action").startsWith("Generate")
                ? new Reply(200, response("GenerateServiceLastAccessedDetails", "<JobId>job-1</JobId>"))
                : new Reply(200, response("GetServiceLastAccessedDetails", "<JobStatus>IN_PROGRESS</JobStatus>"
                + "<JobCreationDate>2025-01-20T10:00:00Z</JobCreationDate><ServicesLastAccessed/>")));
             AwsClientFactory factory = StubClients.factory(stub.endpoint(), 1);
             IamClient iam = StubClients.iam(factory, new CallCounter())) {
            Poller tight = new Poller(Duration.ofMillis(5), Duration.ofMillis(5), 1.0, Duration.ofMillis(40),
                    d -> Thread.sleep(d.toMillis()), System::nanoTime);
            LastAccessedCollector collector = new LastAccessedCollector(iam, tight);

            List<PrincipalLastAccessed> result = collector.await(collector.start(List.of(ROLE)));

            assertThat(result).singleElement().satisfies(p ->
                    assertThat(p.error()).startsWith("job did not complete in time: last-accessed jobs not ready"));
        }
    }

    /** The role's completed report in two pages: S3 (with tracked actions), then DynamoDB (never used). */
    private static String rolePage(String marker) {
        String head = "<JobStatus>COMPLETED</JobStatus><JobType>ACTION_LEVEL</JobType>"
                + "<JobCreationDate>2025-01-20T10:00:00Z</JobCreationDate>"
                + "<JobCompletionDate>2025-01-20T10:00:05Z</JobCompletionDate>";
        if (marker == null) {
            return head + "<IsTruncated>true</IsTruncated><Marker>m2</Marker><ServicesLastAccessed><member>"
                    + "<ServiceName>Amazon S3</ServiceName><ServiceNamespace>s3</ServiceNamespace>"
                    + "<LastAuthenticated>2025-01-15T08:30:00Z</LastAuthenticated>"
                    + "<LastAuthenticatedRegion>us-east-1</LastAuthenticatedRegion>"
                    + "<TotalAuthenticatedEntities>1</TotalAuthenticatedEntities><TrackedActionsLastAccessed>"
                    + "<member><ActionName>CreateBucket</ActionName><LastAccessedTime>2025-01-10T11:00:00Z"
                    + "</LastAccessedTime><LastAccessedRegion>us-east-1</LastAccessedRegion></member>"
                    + "<member><ActionName>DeleteBucket</ActionName></member></TrackedActionsLastAccessed>"
                    + "</member></ServicesLastAccessed>";
        }
        assertThat(marker).isEqualTo("m2");
        return head + "<IsTruncated>false</IsTruncated><ServicesLastAccessed><member>"
                + "<ServiceName>Amazon DynamoDB</ServiceName><ServiceNamespace>dynamodb</ServiceNamespace>"
                + "<TotalAuthenticatedEntities>0</TotalAuthenticatedEntities></member></ServicesLastAccessed>";
    }
}

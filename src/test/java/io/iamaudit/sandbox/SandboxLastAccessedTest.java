package io.iamaudit.sandbox;

import io.iamaudit.policy.ActionCatalog;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessAdvisorUsageGranularityType;
import software.amazon.awssdk.services.iam.model.GetServiceLastAccessedDetailsResponse;
import software.amazon.awssdk.services.iam.model.JobStatusType;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.ServiceLastAccessed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxLastAccessedTest {

    @Test
    void inProgressThenCompletedAndPagedOverEveryGrantedService() throws InterruptedException {
        try (SandboxServer server = SandboxServer.start(Scenarios.fidelity(), SandboxProfile.instant(), 0);
             SandboxClients c = SandboxClients.management(server)) {
            IamClient iam = c.iam();
            // held in progress by a delay no test machine reaches, then released: no bet on response times
            server.faults().lastAccessedDelay(Duration.ofHours(1));
            String job = iam.generateServiceLastAccessedDetails(r -> r.arn("arn:aws:iam::100000000001:user/alice")
                    .granularity(AccessAdvisorUsageGranularityType.ACTION_LEVEL)).jobId();
            assertThat(job).hasSize(36);

            GetServiceLastAccessedDetailsResponse running = iam.getServiceLastAccessedDetails(r -> r.jobId(job));
            assertThat(running.jobStatus()).isEqualTo(JobStatusType.IN_PROGRESS);
            assertThat(running.servicesLastAccessed()).isEmpty();
            server.faults().lastAccessedDelay(Duration.ZERO);

            List<ServiceLastAccessed> all = new ArrayList<>();
            String marker = null;
            int pages = 0;
            do {
                String m = marker;
                GetServiceLastAccessedDetailsResponse page = iam.getServiceLastAccessedDetails(r -> r.jobId(job)
                        .maxItems(100).marker(m));
                assertThat(page.jobStatus()).isEqualTo(JobStatusType.COMPLETED);
                all.addAll(page.servicesLastAccessed());
                marker = page.isTruncated() ? page.marker() : null;
                pages++;
            } while (marker != null);

            // alice is in Admins (AdministratorAccess): every catalog service is granted
            assertThat(all).hasSize(ActionCatalog.bundled().prefixes().size());
            assertThat(pages).isEqualTo((all.size() + 99) / 100);
            ServiceLastAccessed s3 = all.stream().filter(s -> s.serviceNamespace().equals("s3")).findFirst().orElseThrow();
            assertThat(Duration.between(s3.lastAuthenticated(), Instant.now()).toDays()).isEqualTo(3);
            assertThat(s3.lastAuthenticatedEntity()).isEqualTo("arn:aws:iam::100000000001:user/alice");
            assertThat(s3.trackedActionsLastAccessed()).anySatisfy(a -> {
                assertThat(a.actionName()).isEqualTo("GetObject");
                assertThat(Duration.between(a.lastAccessedTime(), Instant.now()).toDays()).isEqualTo(3);
            });
            assertThat(s3.trackedActionsLastAccessed()).anySatisfy(a -> {
                assertThat(a.actionName()).isEqualTo("DeleteBucket");
                assertThat(a.lastAccessedTime()).isNull();
            });
            ServiceLastAccessed rds = all.stream().filter(s -> s.serviceNamespace().equals("rds")).findFirst().orElseThrow();
            assertThat(rds.lastAuthenticated()).isNull();
            assertThat(rds.trackedActionsLastAccessed()).isEmpty();
        }
    }

    @Test
    void serviceLevelReportListsOnlyWhatThePoliciesGrant() {
        try (SandboxServer server = SandboxServer.start(Scenarios.fidelity());
             SandboxClients c = SandboxClients.management(server)) {
            IamClient iam = c.iam();
            String job = iam.generateServiceLastAccessedDetails(r -> r.arn("arn:aws:iam::100000000001:role/deployer"))
                    .jobId();
            GetServiceLastAccessedDetailsResponse r = iam.getServiceLastAccessedDetails(b -> b.jobId(job));

            assertThat(r.jobTypeAsString()).isEqualTo("SERVICE_LEVEL");
            assertThat(r.servicesLastAccessed()).extracting(ServiceLastAccessed::serviceNamespace)
                    .containsExactly("iam", "lambda", "s3");
            assertThat(r.servicesLastAccessed()).allSatisfy(s -> assertThat(s.trackedActionsLastAccessed()).isEmpty());
            ServiceLastAccessed lambda = r.servicesLastAccessed().get(1);
            assertThat(lambda.totalAuthenticatedEntities()).isEqualTo(1);
            assertThat(r.servicesLastAccessed().get(2).lastAuthenticated()).isNull();
        }
    }

    @Test
    void unknownArnAndForeignJobAreNoSuchEntity() {
        try (SandboxServer server = SandboxServer.start(Scenarios.fidelity());
             SandboxClients c = SandboxClients.management(server)) {
            assertThatThrownBy(() -> c.iam().generateServiceLastAccessedDetails(r ->
                    r.arn("arn:aws:iam::100000000001:role/ghost")))
                    .isInstanceOfSatisfying(NoSuchEntityException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
            String job = c.iam().generateServiceLastAccessedDetails(r -> r.arn("arn:aws:iam::100000000001:user/ci/ci-bot"))
                    .jobId();
            try (SandboxClients member = c.assume(server, "100000000002")) {
                assertThatThrownBy(() -> member.iam().getServiceLastAccessedDetails(r -> r.jobId(job)))
                        .isInstanceOf(NoSuchEntityException.class);
            }
        }
    }
}

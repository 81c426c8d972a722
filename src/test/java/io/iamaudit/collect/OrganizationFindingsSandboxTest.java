package io.iamaudit.collect;

import io.iamaudit.sandbox.SandboxCredentials;
import io.iamaudit.sandbox.SandboxProfile;
import io.iamaudit.sandbox.SandboxServer;
import io.iamaudit.sandbox.Scenarios;
import io.iamaudit.sandbox.scenario.AccountSpec;
import io.iamaudit.sandbox.scenario.Scenario;
import io.iamaudit.sandbox.scenario.ScenarioGenerator;
import io.iamaudit.stage.AccessAnalyzerState;
import io.iamaudit.stage.AccessAnalyzerState.AnalyzerFinding;
import io.iamaudit.stage.AuthorizationDetails;
import io.iamaudit.stage.Collected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.model.Criterion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organization-wide listing stages, for every account, exactly what a listing per account stages (same findings,
 * same order, same details, the same last use of unused roles), with one {@code ListFindingsV2} page per 100 ACTIVE
 * findings of each analyzer rather than one per account and analyzer.
 */
class OrganizationFindingsSandboxTest {

    private static final AssumeRoleSettings ROLE = new AssumeRoleSettings(null, null, "auditor", "run-1");

    @TempDir
    Path spool;

    @Test
    void theDemoOrganizationGivesTheSameFindingsEitherWay() throws Exception {
        // the demo has every finding type: external access, unused roles, keys, passwords and permissions
        Compared demo = compare(Scenarios.demo());
        assertThat(demo.withDetails()).as("findings whose details were read").isPositive();
    }

    @Test
    void aGeneratedOrganizationWithFindingsSpreadOverAccountsGivesTheSameFindingsEitherWay() throws Exception {
        // 24 accounts x 12 principals: about 150 unused-role findings, so pages hold several accounts' findings
        Compared generated = compare(new ScenarioGenerator(7).generate(24, 12, 2));
        assertThat(generated.total()).as("findings of the audited accounts").isGreaterThan(100);
        assertThat(generated.pages()).as("ListFindingsV2 pages").isLessThan(generated.accounts());
    }

    private record Compared(int accounts, long total, long withDetails, long pages) {
    }

    @Test
    void aListingThatFailsLeavesEveryAccountsFindingsMissingNeverEmpty() throws Exception {
        Scenario scenario = Scenarios.demo();
        try (SandboxServer sandbox = SandboxServer.start(scenario, SandboxProfile.instant(), 0);
             AwsClientFactory factory = factory(sandbox);
             AccountSession management = AccountSession.direct(factory, managementId(scenario));
             OrgAnalyzers org = locate(factory, management)) {
            sandbox.faults().errorRate("access-analyzer", 1.0);
            Set<String> accounts = activeAccounts(scenario);
            try (OrganizationFindings findings = OrganizationFindings.start(org, accounts, spool.resolve("s"))) {
                assertThat(findings.await(60, TimeUnit.SECONDS)).isTrue();
                for (String account : accounts) {
                    Collected<AccessAnalyzerState> state = findings.state(account, Map.of());
                    assertThat(state.missing()).as(account).isTrue();
                    assertThat(state.error()).startsWith("organization findings not listed: ");
                }
            }
        }
    }

    private Compared compare(Scenario scenario) throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(scenario, SandboxProfile.instant(), 0);
             AwsClientFactory factory = factory(sandbox);
             AccountSession management = AccountSession.direct(factory, managementId(scenario));
             OrgAnalyzers org = locate(factory, management)) {
            assertThat(org.active()).hasSize(2);
            Set<String> accounts = activeAccounts(scenario);

            // given each account's findings listed per account, as before
            Map<String, AccessAnalyzerState> perAccount = new LinkedHashMap<>();
            Map<String, AuthorizationDetails> authorizations = new LinkedHashMap<>();
            for (String account : accounts) {
                try (AccountSession session = AccountSession.open(factory, account, managementId(scenario), ROLE)) {
                    AuthorizationDetails authorization = new AuthorizationDetailsCollector(session.clients().iam())
                            .collect();
                    authorizations.put(account, authorization);
                    perAccount.put(account, new AccessAnalyzerCollector(org, session, account, authorization).collect());
                }
            }

            // when the organization's findings are listed once
            Compared compared;
            try (OrganizationFindings findings = OrganizationFindings.start(org, accounts, spool.resolve("s"))) {
                assertThat(findings.await(120, TimeUnit.SECONDS)).isTrue();

                // then every account gets the same data set
                long total = 0;
                long withDetails = 0;
                for (String account : accounts) {
                    Collected<AccessAnalyzerState> state = findings.state(account,
                            OrganizationFindings.roleLastUse(Collected.of(authorizations.get(account))));
                    assertThat(state.missing()).as(account).isFalse();
                    assertThat(state.value()).as(account).usingRecursiveComparison().isEqualTo(perAccount.get(account));
                    total += state.value().findings().size();
                    withDetails += state.value().findings().stream()
                            .filter(f -> !"UnusedIAMRole".equals(f.findingType())).count();
                }
                assertThat(total).as("findings in the audited accounts").isPositive();

                // with the minimum of calls: one page per 100 ACTIVE findings of each analyzer, details only where
                // the account's IAM data cannot stand in for them
                Map<String, Long> calls = findings.calls().counts();
                assertThat(calls.get("access-analyzer:ListFindingsV2")).isEqualTo(minimumPages(org));
                assertThat(calls.getOrDefault("access-analyzer:GetFindingV2", 0L)).isEqualTo(withDetails);
                compared = new Compared(accounts.size(), total, withDetails, calls.get("access-analyzer:ListFindingsV2"));
            }
            // and the spool is gone with the listing
            assertThat(Files.exists(spool.resolve("s"))).isFalse();
            return compared;
        }
    }

    /** sum over the active analyzers of ceil(ACTIVE findings / 100), at least 1: counted with 1,000-finding pages. */
    private static long minimumPages(OrgAnalyzers org) {
        long pages = 0;
        try (AccessAnalyzerClient client = org.clientCountingInto(new CallCounter())) {
            for (AccessAnalyzerState.Analyzer analyzer : org.active()) {
                long findings = client.listFindingsV2Paginator(r -> r.analyzerArn(analyzer.arn()).maxResults(1000)
                        .filter(Map.of("status", Criterion.builder().eq("ACTIVE").build()))).findings().stream().count();
                pages += Math.max(1, (findings + 99) / 100);
            }
        }
        return pages;
    }

    private static Set<String> activeAccounts(Scenario scenario) {
        Set<String> accounts = new LinkedHashSet<>();
        for (AccountSpec a : scenario.accounts()) {
            if (a.state() == null || "ACTIVE".equals(a.state())) {
                accounts.add(a.id());
            }
        }
        return accounts;
    }

    private static String managementId(Scenario scenario) {
        return scenario.organization().managementAccount();
    }

    private static OrgAnalyzers locate(AwsClientFactory factory, AccountSession management) {
        return new OrgAnalyzerLocator().locate(management,
                id -> AccountSession.open(factory.forSharedQuota(), id, management.accountId(), ROLE));
    }

    private static AwsClientFactory factory(SandboxServer sandbox) {
        SandboxCredentials c = sandbox.managementCredentials();
        return new AwsClientFactory(new AwsSettings(Region.US_EAST_1, sandbox.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())),
                3, RetryMode.STANDARD, Duration.ofMillis(5)));
    }
}

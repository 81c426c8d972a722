package io.iamaudit.collect;

import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.util.function.Supplier;

/**
 * The service clients of one identity (one account session), built on first use and closed together. Building an SDK
 * client costs CPU (configuration resolution, a classpath scan for interceptors): a member account's collection uses
 * IAM and sometimes Access Analyzer, never its own Organizations or STS client, so those are not built for it.
 * Safe for concurrent use (the findings reader and the IAM collectors share a session).
 */
public final class AwsClients implements AutoCloseable {

    private final Lazy<IamClient> iam;
    private final Lazy<StsClient> sts;
    private final Lazy<OrganizationsClient> organizations;
    private final Lazy<AccessAnalyzerClient> accessAnalyzer;

    public AwsClients(Supplier<IamClient> iam, Supplier<StsClient> sts, Supplier<OrganizationsClient> organizations,
                      Supplier<AccessAnalyzerClient> accessAnalyzer) {
        this.iam = new Lazy<>(iam);
        this.sts = new Lazy<>(sts);
        this.organizations = new Lazy<>(organizations);
        this.accessAnalyzer = new Lazy<>(accessAnalyzer);
    }

    public IamClient iam() {
        return iam.get();
    }

    public StsClient sts() {
        return sts.get();
    }

    public OrganizationsClient organizations() {
        return organizations.get();
    }

    public AccessAnalyzerClient accessAnalyzer() {
        return accessAnalyzer.get();
    }

    /** How many of the clients have been built (for tests: a member account's collection builds few). */
    int built() {
        int n = 0;
        for (Lazy<?> client : new Lazy<?>[]{iam, sts, organizations, accessAnalyzer}) {
            n += client.isBuilt() ? 1 : 0;
        }
        return n;
    }

    @Override
    public void close() {
        iam.close();
        sts.close();
        organizations.close();
        accessAnalyzer.close();
    }

    /** One client, built once by the first caller; closing before use builds nothing, use after close fails. */
    private static final class Lazy<C extends SdkClient> {
        private final Supplier<C> factory;
        private C client;
        private boolean closed;

        Lazy(Supplier<C> factory) {
            this.factory = factory;
        }

        synchronized C get() {
            if (closed) {
                throw new IllegalStateException("clients of this session are closed");
            }
            if (client == null) {
                client = factory.get();
            }
            return client;
        }

        synchronized boolean isBuilt() {
            return client != null;
        }

        synchronized void close() {
            closed = true;
            if (client != null) {
                client.close();
            }
        }
    }
}

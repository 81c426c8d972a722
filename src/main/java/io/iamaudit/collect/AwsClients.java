package io.iamaudit.collect;

import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

/** The service clients of one identity (one account session), closed together. */
public record AwsClients(IamClient iam, StsClient sts, OrganizationsClient organizations,
                         AccessAnalyzerClient accessAnalyzer) implements AutoCloseable {

    @Override
    public void close() {
        iam.close();
        sts.close();
        organizations.close();
        accessAnalyzer.close();
    }
}

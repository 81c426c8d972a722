package io.iamaudit.collect;

import io.iamaudit.stage.ServerCertificate;
import software.amazon.awssdk.services.iam.IamClient;

import java.util.List;

/** IAM server certificates (ListServerCertificates, all pages), for expiry checks. */
public final class ServerCertificateCollector {

    private final IamClient iam;

    public ServerCertificateCollector(IamClient iam) {
        this.iam = iam;
    }

    public List<ServerCertificate> collect() {
        return iam.listServerCertificatesPaginator().serverCertificateMetadataList().stream()
                .map(c -> new ServerCertificate(c.serverCertificateName(), c.arn(), c.uploadDate(), c.expiration()))
                .toList();
    }
}

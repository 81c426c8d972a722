package io.iamaudit.job;

import io.iamaudit.collect.AwsClientFactory;
import io.iamaudit.collect.AwsSettings;
import io.iamaudit.collect.RequestPacer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.time.Duration;

/** AWS clients honour AWS conventions: the default credential chain, AWS_REGION, AWS_ENDPOINT_URL. */
@Configuration(proxyBeanMethods = false)
class AwsConfiguration {

    @Bean(destroyMethod = "close")
    AwsClientFactory awsClientFactory(AuditProperties properties) {
        AuditProperties.Aws aws = properties.aws();
        URI endpoint = aws.endpoint() == null || aws.endpoint().isBlank() ? null : URI.create(aws.endpoint());
        Duration throttlingDelay = aws.throttlingBaseDelayMillis() > 0
                ? Duration.ofMillis(aws.throttlingBaseDelayMillis()) : null;
        return new AwsClientFactory(new AwsSettings(Region.of(aws.region()), endpoint, credentials(aws),
                aws.maxAttempts(), RetryMode.STANDARD, throttlingDelay),
                // a connection per partition, plus its Access Analyzer reader and the run-level clients
                Math.max(64, 2 * properties.concurrency() + 8),
                new AwsClientFactory.SharedQuotas(pacer(aws.organizationsCallsPerSecond()),
                        pacer(aws.accessAnalyzerCallsPerSecond()), pacer(aws.assumeRoleCallsPerSecond())));
    }

    /** One second's worth of calls may go at once, then the rate; AWS's buckets allow at least that burst. */
    private static RequestPacer pacer(double callsPerSecond) {
        return callsPerSecond <= 0 ? null : new RequestPacer(callsPerSecond, Math.max(1, (int) callsPerSecond));
    }

    private static AwsCredentialsProvider credentials(AuditProperties.Aws aws) {
        if (aws.accessKeyId() != null && !aws.accessKeyId().isBlank()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(aws.accessKeyId(), aws.secretAccessKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}

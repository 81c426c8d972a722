package io.iamaudit.job;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import software.amazon.awssdk.regions.Region;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code iam-audit.regions}: the regions regional services (Secrets Manager) are read in. Empty (the default) reads
 * each account's own enabled regions (Account Management ListRegions). A name the AWS SDK does not know fails the
 * binding, which the CLI reports on one line with exit 2: a typo would otherwise read nothing and look clean.
 */
@ConfigurationProperties("iam-audit")
public record RegionProperties(@DefaultValue List<String> regions) {

    public RegionProperties {
        regions = regions == null ? List.of() : regions.stream().map(String::trim).filter(r -> !r.isEmpty()).toList();
        Set<String> known = Region.regions().stream().map(Region::id).collect(Collectors.toSet());
        List<String> unknown = regions.stream().filter(r -> !known.contains(r)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("iam-audit.regions: unknown region " + String.join(", ", unknown)
                    + " (expected names such as us-east-1, eu-west-1)");
        }
    }
}

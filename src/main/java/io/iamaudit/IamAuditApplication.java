package io.iamaudit;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Spring application: its package is the root of component and properties scanning. It depends on no package of
 * its own, so the command line ({@code io.iamaudit.cli.IamAuditCli#main}, the jar's entry point) stays the only
 * package on top of the others.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IamAuditApplication {
}

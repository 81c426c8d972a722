package io.iamaudit;

import io.iamaudit.cli.IamAuditCli;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.io.PrintWriter;

/**
 * Entry point. The command line is parsed and validated before Spring starts, so a bad value costs a one-line error
 * and exit code 2, not a stack trace after work began.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IamAuditApplication {

    public static void main(String[] args) {
        int code = IamAuditCli.run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.exit(code);
    }
}

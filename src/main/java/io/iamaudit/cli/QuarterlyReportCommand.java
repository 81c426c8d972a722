package io.iamaudit.cli;

import io.iamaudit.job.ExitCode;
import io.iamaudit.publish.FolderPublisher;
import io.iamaudit.publish.OutputLocation;
import io.iamaudit.publish.Publisher;
import io.iamaudit.publish.S3Clients;
import io.iamaudit.publish.S3PublishOptions;
import io.iamaudit.publish.S3Publisher;
import io.iamaudit.quarterly.FindingState;
import io.iamaudit.quarterly.Quarter;
import io.iamaudit.quarterly.QuarterlyReport;
import io.iamaudit.quarterly.QuarterlyTemplate;
import io.iamaudit.quarterly.QuarterlyUsageException;
import io.iamaudit.publish.RunStore;
import io.iamaudit.report.ReportTemplate;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Builds the quarterly auditor workbook from the runs published in the output store. Needs no Spring context and
 * no database: the store (manifests and csv files) is the system of record, since containers are ephemeral. Every
 * check that needs no real work (quarter, locations, previous workbook, runs in the quarter, no report there yet)
 * is made first and exits with code 2.
 */
@Command(name = "quarterly-report", mixinStandardHelpOptions = true,
        description = {"Build the quarterly auditor workbook from the nightly runs published in a quarter.",
                "Writes <output>/quarterly/<yyyy>-Q<n>/; an existing quarterly report is never overwritten."})
public class QuarterlyReportCommand implements Callable<Integer> {
    static final String DEFAULT_OUTPUT = "file:./reports";

    @Option(names = "--quarter", paramLabel = "YYYY-Qn",
            description = "The quarter, e.g. 2026-Q4 (default: the last completed quarter, in UTC).")
    String quarter;

    @Option(names = "--input", paramLabel = "URI",
            description = "Store the nightly runs were published to (default: iam-audit.output, file:./reports).")
    String input;

    @Option(names = "--output", paramLabel = "URI",
            description = "Store the report goes to, under quarterly/<yyyy>-Q<n>/ (default: the input).")
    String output;

    @Option(names = "--previous", paramLabel = "WORKBOOK",
            description = "An earlier quarterly workbook whose auditor decisions carry forward.")
    String previous;

    @Option(names = "--log-format", paramLabel = "FORMAT",
            description = "text (default) or json (one JSON object per line, for CloudWatch); also IAM_AUDIT_LOG_FORMAT.")
    String logFormat;

    @Spec
    CommandSpec spec;

    /** How the S3 client is made; tests point it at moto. */
    Function<ConfigurableEnvironment, S3Client> s3Factory = QuarterlyReportCommand::s3Client;

    /** What "now" is: whether the quarter has ended (final or preliminary report); tests fix it. */
    private Clock clock = Clock.systemUTC();

    /** The same command with a fixed "now", for tests of the final and preliminary reports. */
    public QuarterlyReportCommand withClock(Clock clock) {
        this.clock = clock;
        return this;
    }

    @Override
    public Integer call() {
        // Scheduled runs (cron, ECS) start on the first day of a quarter without --quarter: report the one that ended.
        Quarter parsed = quarter == null ? Quarter.containing(LocalDate.now(clock)).previous()
                : Quarter.parse(InputValidation.quarter(quarter));
        ConfigurableEnvironment environment = configuration();
        String format = logFormat != null ? logFormat : environment.getProperty("iam-audit.log-format", "text");
        if (!"text".equals(format) && !"json".equals(format)) {
            throw new UsageException("--log-format: '" + format + "' is neither text nor json");
        }
        StandaloneLogging.configure(environment, "json".equals(format));
        String inputValue = input != null ? input : environment.getProperty("iam-audit.output", DEFAULT_OUTPUT);
        OutputLocation in = location(inputValue, "--input");
        OutputLocation out = location(output != null ? output : inputValue, "--output");
        Path previousFile = previous == null ? null : InputValidation.readableFile(previous, "--previous");
        boolean needsS3 = in instanceof OutputLocation.S3 || out instanceof OutputLocation.S3;
        try (S3Client s3 = needsS3 ? s3Factory.apply(environment) : null) {
            QuarterlyReport report = new QuarterlyReport(ReportTemplate.loadDefault()
                    .withClassification(environment.getProperty(ReportTemplate.CLASSIFICATION_PROPERTY)),
                    QuarterlyTemplate.loadDefault(),
                    clock);
            QuarterlyReport.Request request = new QuarterlyReport.Request(parsed, RunStore.at(in, s3), inputValue,
                    RunStore.at(out, s3), publisher(out, s3, environment), previousFile);
            QuarterlyReport.Prepared prepared;
            try {
                prepared = report.prepare(request);
            } catch (QuarterlyUsageException e) {
                throw new UsageException(e.line());
            }
            QuarterlyReport.Result result = report.generate(prepared);
            if ("json".equals(format)) {
                org.slf4j.LoggerFactory.getLogger("io.iamaudit.summary").info(summary(parsed, result));
            } else {
                PrintWriter console = spec.commandLine().getOut();
                console.println(summary(parsed, result));
                console.flush();
            }
            return ExitCode.COMPLETE;
        }
    }

    private static String summary(Quarter quarter, QuarterlyReport.Result result) {
        var history = result.history();
        long open = history.findings().stream().filter(f -> f.state() == FindingState.State.OPEN).count();
        long resolved = history.findings().stream().filter(f -> f.state() == FindingState.State.RESOLVED).count();
        long excepted = history.findings().stream().filter(f -> f.state() == FindingState.State.EXCEPTED).count();
        int used = history.usedRuns().size();
        int skipped = history.runs().size() - used;
        return "quarterly " + quarter + (Boolean.TRUE.equals(result.manifest().preliminary()) ? " PRELIMINARY" : "")
                + ": " + history.findings().size() + " findings (" + open + " open, " + resolved
                + " resolved, " + excepted + " excepted) from " + used + " runs"
                + (skipped == 0 ? "" : " (" + skipped + " skipped, see the Runs sheet)") + "; "
                + result.carried() + " decisions carried forward; published to " + result.location();
    }

    private static OutputLocation location(String value, String option) {
        try {
            return OutputLocation.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage().lines().findFirst().orElse("invalid"));
        }
    }

    private static Publisher publisher(OutputLocation location, S3Client s3, ConfigurableEnvironment environment) {
        if (location instanceof OutputLocation.S3 bucket) {
            S3PublishOptions options = S3PublishOptions.defaults();
            String kms = environment.getProperty("iam-audit.kms-key-id");
            if (kms != null && !kms.isBlank()) {
                options = options.withKms(kms);
            }
            return new S3Publisher(s3, bucket, options);
        }
        return new FolderPublisher(((OutputLocation.Folder) location).directory());
    }

    /**
     * application.yml (packaged, ./application.yml, ./config/), the environment ({@code IAM_AUDIT_OUTPUT}) and
     * system properties, resolved as Spring Boot would, without starting the batch application and its database.
     */
    static ConfigurableEnvironment configuration() {
        StandardEnvironment environment = new StandardEnvironment();
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        return environment;
    }

    /** As the publish step builds it: the region of iam-audit.aws.region, AWS_ENDPOINT_URL_S3 for look-alikes. */
    private static S3Client s3Client(ConfigurableEnvironment environment) {
        String endpoint = System.getenv("AWS_ENDPOINT_URL_S3");
        return S3Clients.create(Region.of(environment.getProperty("iam-audit.aws.region", "us-east-1")),
                endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint));
    }
}

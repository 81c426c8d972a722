package io.iamaudit.cli;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Logging for the commands that run without a Spring application ({@code quarterly-report}): the same console
 * format the audit commands get from Spring Boot, so {@code --log-format json} (or IAM_AUDIT_LOG_FORMAT=json in the
 * container) gives one JSON object per line here too.
 */
final class StandaloneLogging {

    private StandaloneLogging() {
    }

    static void configure(ConfigurableEnvironment environment, boolean json) {
        if (json) {
            environment.getPropertySources().addFirst(new MapPropertySource("iam-audit-log-format",
                    Map.of("logging.structured.format.console", "ecs")));
        }
        LoggingSystem system = LoggingSystem.get(StandaloneLogging.class.getClassLoader());
        system.beforeInitialize();
        system.initialize(new LoggingInitializationContext(environment), null, null);
        // the levels of application.yml: libraries at WARN, the tool's own progress at INFO
        system.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
        system.setLogLevel("io.iamaudit", LogLevel.INFO);
    }
}

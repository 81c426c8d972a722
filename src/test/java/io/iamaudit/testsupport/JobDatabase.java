package io.iamaudit.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * The database a jar run keeps its job repository and staging store in: the default H2 file in
 * {@code IAM_AUDIT_HOME}, or a fresh database on the test PostgreSQL ({@link PostgresPeer}), handed to the jar as
 * Spring's {@code SPRING_DATASOURCE_*} environment exactly as a container gets it. Integration tests take the kind
 * as a parameter so the same scenario runs on both.
 */
public final class JobDatabase {
    public static final String H2 = "h2";
    public static final String POSTGRESQL = "postgresql";

    private final String kind;
    private final String url;

    private JobDatabase(String kind, String url) {
        this.kind = kind;
        this.url = url;
    }

    /** A new, empty database of that kind; a PostgreSQL one skips or fails the test as {@link Peers} decides. */
    public static JobDatabase create(String kind) {
        return switch (kind) {
            case H2 -> new JobDatabase(H2, null);
            case POSTGRESQL -> new JobDatabase(POSTGRESQL, PostgresPeer.freshDatabase());
            default -> throw new IllegalArgumentException("unknown database kind " + kind);
        };
    }

    /** The jar's environment: nothing for H2 (application.yml's default), the JDBC URL for PostgreSQL. */
    public Map<String, String> environment() {
        if (url == null) {
            return Map.of();
        }
        return Map.of("SPRING_DATASOURCE_URL", url, "SPRING_DATASOURCE_USERNAME", PostgresPeer.user(url),
                "SPRING_DATASOURCE_PASSWORD", "");
    }

    /** A connection to what the jar staged under {@code home}, opened once the jar has ended. */
    public Connection connect(Path home) throws SQLException {
        if (url == null) {
            return DriverManager.getConnection("jdbc:h2:file:" + home.resolve(".iam-audit/staging"), "sa", "");
        }
        return DriverManager.getConnection(url);
    }

    @Override
    public String toString() {
        return kind;
    }
}

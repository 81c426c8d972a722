package io.iamaudit.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

/**
 * The PostgreSQL the tests may use: {@code .ci/run} starts Debian's PostgreSQL ({@code .ci/postgres}) and passes
 * its JDBC URL as {@code -Diamaudit.postgres.url=jdbc:postgresql://127.0.0.1:PORT/postgres?user=postgres}. Each test
 * creates a database of its own on that server, so tests never see each other's tables.
 */
public final class PostgresPeer {
    public static final String URL_PROPERTY = "iamaudit.postgres.url";

    private PostgresPeer() {
    }

    public static Optional<String> url() {
        return Optional.ofNullable(System.getProperty(URL_PROPERTY)).filter(u -> !u.isBlank());
    }

    /** A new, empty database on the server; returns its JDBC URL (same server, same credentials). */
    public static String freshDatabase() {
        Peers.assume("a PostgreSQL test", Peer.POSTGRES);
        String server = url().orElseThrow();
        String name = "iamaudit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(server);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + server + ": " + e.getMessage(), e);
        }
        return withDatabase(server, name);
    }

    /** The {@code user} parameter of the URL ({@code postgres} when absent): Spring's username overrides it. */
    static String user(String url) {
        int query = url.indexOf('?');
        if (query >= 0) {
            for (String parameter : url.substring(query + 1).split("&")) {
                if (parameter.startsWith("user=")) {
                    return parameter.substring("user=".length());
                }
            }
        }
        return "postgres";
    }

    /** {@code jdbc:postgresql://host:port/DB?params} with DB replaced. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }
}

package gov.gsb.clickhouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies the analytics tables' versioned migrations ({@code V001__calls.sql}, ...) to a ClickHouse
 * database, each once: applied versions are recorded in {@code schema_migrations}, and every
 * statement is itself idempotent ({@code IF NOT EXISTS}), so two services starting at once (the
 * writer and the reader) cannot break each other.
 *
 * <pre>{@code
 * try (Connection c = DriverManager.getConnection("jdbc:clickhouse://127.0.0.1:8123/default")) {
 *     List<String> applied = Migrations.apply(c);
 * }
 * }</pre>
 */
public final class Migrations {

    /** The migrations, in order. A new one is added at the end, never edited once released. */
    public static final List<String> ALL = List.of("V001__calls.sql", "V002__calls_per_minute.sql", "V003__audit.sql",
            "V004__calls_source_position.sql", "V005__calls_search_indexes.sql");

    private Migrations() {
    }

    /**
     * @param connection a connection to the database to migrate
     * @return the migrations applied now (empty if it was up to date)
     * @throws SQLException if ClickHouse refuses a statement (the message names the migration)
     */
    public static List<String> apply(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version String, applied_at DateTime64(3, 'UTC') "
                    + "DEFAULT now64(3)) ENGINE = ReplacingMergeTree ORDER BY version");
        }
        Set<String> done = applied(connection);
        List<String> now = new ArrayList<>();
        for (String migration : ALL) {
            if (done.contains(migration)) {
                continue;
            }
            for (String statement : statements(migration)) {
                try (Statement s = connection.createStatement()) {
                    s.execute(statement);
                } catch (SQLException e) {
                    throw new SQLException("migration " + migration + " failed: " + e.getMessage(), e);
                }
            }
            try (PreparedStatement p = connection.prepareStatement("INSERT INTO schema_migrations (version) VALUES (?)")) {
                p.setString(1, migration);
                p.executeUpdate();
            }
            now.add(migration);
        }
        return now;
    }

    /** @return the migrations recorded as applied */
    public static Set<String> applied(Connection connection) throws SQLException {
        Set<String> versions = new TreeSet<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT DISTINCT version FROM schema_migrations")) {
            while (r.next()) {
                versions.add(r.getString(1));
            }
        }
        return versions;
    }

    /** The statements of a migration file: split on ';' at line ends, comments dropped. */
    static List<String> statements(String migration) {
        String sql;
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + migration)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + migration);
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder withoutComments = new StringBuilder();
        sql.lines().map(l -> l.contains("--") ? l.substring(0, l.indexOf("--")) : l)
                .forEach(l -> withoutComments.append(l).append('\n'));
        List<String> statements = new ArrayList<>();
        for (String part : withoutComments.toString().split(";\\s*\n")) {
            if (!part.isBlank()) {
                statements.add(part.strip().replaceAll(";$", ""));
            }
        }
        return statements;
    }
}

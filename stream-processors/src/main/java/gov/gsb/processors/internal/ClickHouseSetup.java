package gov.gsb.processors.internal;

import gov.gsb.clickhouse.Migrations;
import gov.gsb.processors.ProcessorSettings;
import gov.gsb.processors.Table;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares ClickHouse before the processors start: waits until it answers, creates the database if needed, applies
 * the migrations of {@code gsb-clickhouse-schema} (whichever of the writer and the reader starts first applies
 * them) and checks that every column the writer fills has the type it encodes.
 */
public final class ClickHouseSetup {

    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseSetup.class);

    private ClickHouseSetup() {
    }

    /**
     * @param s the ClickHouse URL, database and credentials
     * @param backoff the wait between attempts while ClickHouse does not answer
     * @throws SQLException if the stop came first, or a migration was refused
     * @throws IllegalStateException (fatal) if a table's columns are not what the writer encodes
     */
    public static void prepare(ProcessorSettings s, Backoff backoff) throws SQLException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                createDatabase(s);
                break;
            } catch (SQLException e) {
                if (backoff.stopping()) {
                    throw e;
                }
                if (attempt == 1 || attempt % 12 == 0) {
                    LOG.warn("ClickHouse at {} does not answer yet ({}); waiting", s.clickhouseUrl(), e.getMessage());
                }
                backoff.pause(attempt);
            }
        }
        try (Connection c = DriverManager.getConnection(s.jdbcUrl(), s.clickhouseUser(), s.clickhousePassword())) {
            List<String> applied = Migrations.apply(c);
            if (!applied.isEmpty()) {
                LOG.info("applied ClickHouse migrations {} to database {}", applied, s.clickhouseDatabase());
            }
            for (Table<?> table : Table.ALL) {
                check(c, table);
            }
        }
    }

    private static void createDatabase(ProcessorSettings s) throws SQLException {
        String server = s.jdbcUrl().replace("/" + s.clickhouseDatabase(), "/default");
        try (Connection c = DriverManager.getConnection(server, s.clickhouseUser(), s.clickhousePassword());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS " + s.clickhouseDatabase());
        }
    }

    /** Fails when a column the writer fills is missing or of another type. */
    static void check(Connection c, Table<?> table) throws SQLException {
        Map<String, String> actual = columns(c, table.name());
        List<String> problems = new ArrayList<>();
        RowEncoder.of(table).columns().forEach((name, type) -> {
            String found = actual.get(name);
            if (!type.equals(found)) {
                problems.add(name + " should be " + type + " but is " + (found == null ? "missing" : found));
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("ClickHouse table " + table + " is not what the processors write: "
                    + String.join("; ", problems) + ". Update the processors' RowEncoder with the migration.");
        }
    }

    private static Map<String, String> columns(Connection c, String table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT name, type FROM system.columns "
                + "WHERE database = currentDatabase() AND table = ? ORDER BY position")) {
            p.setString(1, table);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    columns.put(r.getString(1), r.getString(2));
                }
            }
        }
        return columns;
    }
}

package gov.gsb.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.devstack.ClickHouseServer;
import gov.gsb.devstack.junit.RealServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealServers.class)
class MigrationsIT {

    @Test
    void shouldCreateTheTablesOnceAndDoNothingTheSecondTime(ClickHouseServer clickhouse) throws Exception {
        String url = newDatabase(clickhouse, "migrations");
        try (Connection c = DriverManager.getConnection(url, "default", "")) {
            assertThat(Migrations.apply(c)).containsExactlyElementsOf(Migrations.ALL);
            assertThat(Migrations.apply(c)).isEmpty();
            assertThat(Migrations.applied(c)).containsExactlyInAnyOrderElementsOf(Migrations.ALL);
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT name FROM system.tables WHERE database = currentDatabase() ORDER BY name")) {
                java.util.List<String> tables = new java.util.ArrayList<>();
                while (r.next()) {
                    tables.add(r.getString(1));
                }
                assertThat(tables).containsExactly("audit", "calls", "calls_per_minute", "schema_migrations");
            }
        }
    }

    @Test
    void shouldCollapseACallWrittenTwiceIntoOneRow(ClickHouseServer clickhouse) throws Exception {
        String url = newDatabase(clickhouse, "dedup");
        try (Connection c = DriverManager.getConnection(url, "default", "")) {
            Migrations.apply(c);
            String insert = "INSERT INTO calls (call_id, correlation_id, kind, service, service_version, method, provider_agency,"
                    + " sdk_version, topic, attempt, request_sent_at, outcome, request_bytes, source_partition, source_offset)"
                    + " VALUES ('c1', 'c1', 'PUBLISH', 'tax.x', 1, 'publish', 'tax', 'gsb-java/1', 'gsb.tax.x', 1,"
                    + " '2026-01-01 10:00:00.000', 'SUCCESS', 10, 0, 7)";
            try (Statement s = c.createStatement()) {
                s.execute(insert);
                s.execute(insert); // the processor crashed after writing, before committing: written again
                try (ResultSet r = s.executeQuery("SELECT count() FROM calls FINAL")) {
                    r.next();
                    assertThat(r.getLong(1)).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void shouldSkipGranulesWithoutTheUserOrIpSearchedFor(ClickHouseServer clickhouse) throws Exception {
        String url = newDatabase(clickhouse, "search");
        try (Connection c = DriverManager.getConnection(url, "default", "");
             Statement s = c.createStatement()) {
            Migrations.apply(c);
            // 25 granules of one hour and service: only the bloom filters can tell where one user's calls are.
            s.execute("INSERT INTO calls (call_id, correlation_id, kind, service, service_version, method, provider_agency,"
                    + " end_user, client_ip, sdk_version, topic, attempt, request_sent_at, outcome, request_bytes,"
                    + " source_partition, source_offset) SELECT toString(number), toString(number), 'PUBLISH', 'tax.x', 1,"
                    + " 'publish', 'tax', concat('citizen-', toString(number)), IPv4NumToString(toUInt32(cityHash64(number) % 4294967296)),"
                    + " 'gsb-java/1', 'gsb.tax.x', 1, toDateTime64('2026-01-01 10:00:00', 3, 'UTC'), 'SUCCESS', 10, 0, number"
                    + " FROM numbers(204800)");
            assertThat(granulesRead(s, "end_user = 'citizen-4242'")).isLessThanOrEqualTo(3); // its granule, and a false positive or two
            String ip;
            try (ResultSet r = s.executeQuery("SELECT client_ip FROM calls WHERE source_offset = 4242")) {
                r.next();
                ip = r.getString(1);
            }
            assertThat(granulesRead(s, "client_ip = '" + ip + "'")).isLessThanOrEqualTo(3);
            assertThat(granulesRead(s, "outcome = 'SUCCESS'")).isEqualTo(25); // no index: reads them all
        }
    }

    /** @return the JDBC URL of a new, empty database of its own */
    private static String newDatabase(ClickHouseServer clickhouse, String prefix) throws SQLException {
        String database = prefix + "_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = DriverManager.getConnection(clickhouse.jdbcUrl(), "default", "");
             Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        return clickhouse.jdbcUrl().replace("/default", "/" + database);
    }

    /** @return the granules the search reads after the skip indexes, as EXPLAIN tells it */
    private static long granulesRead(Statement s, String where) throws SQLException {
        long last = -1;
        try (ResultSet r = s.executeQuery("EXPLAIN indexes = 1 SELECT count() FROM calls FINAL WHERE " + where)) {
            while (r.next()) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("Granules: (\\d+)/(\\d+)").matcher(r.getString(1));
                if (m.find()) {
                    last = Long.parseLong(m.group(1)); // each index step narrows it; the last one is what is read
                }
            }
        }
        return last;
    }
}

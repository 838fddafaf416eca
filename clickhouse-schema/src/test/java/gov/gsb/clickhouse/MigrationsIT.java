package gov.gsb.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.devstack.ClickHouseServer;
import gov.gsb.devstack.junit.RealServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealServers.class)
class MigrationsIT {

    @Test
    void shouldCreateTheTablesOnceAndDoNothingTheSecondTime(ClickHouseServer clickhouse) throws Exception {
        String database = "migrations_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = DriverManager.getConnection(clickhouse.jdbcUrl(), "default", "");
             Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        String url = clickhouse.jdbcUrl().replace("/default", "/" + database);
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
        String database = "dedup_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = DriverManager.getConnection(clickhouse.jdbcUrl(), "default", "");
             Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        try (Connection c = DriverManager.getConnection(clickhouse.jdbcUrl().replace("/default", "/" + database), "default", "")) {
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
}

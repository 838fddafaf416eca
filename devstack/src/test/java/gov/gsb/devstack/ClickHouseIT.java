package gov.gsb.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.devstack.junit.RealServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealServers.class)
class ClickHouseIT {

    private static final int ROWS = 100_000;
    private static final String[] OUTCOMES = {"SUCCESS", "SUCCESS", "SUCCESS", "FAILURE", "TIMEOUT"};

    @Test
    void shouldStoreAHundredThousandRowsInAMergeTreeAndAggregateThemExactly(ClickHouseServer clickhouse) throws Exception {
        String table = "calls_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(clickhouse.jdbcUrl(), "default", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + table + " (at DateTime64(3), service String, outcome String, latency_ms UInt32)"
                        + " ENGINE = MergeTree ORDER BY (service, at)");
            }
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < ROWS; i++) {
                    insert.setTimestamp(1, Timestamp.from(start.plusMillis(i * 100L)));
                    insert.setString(2, "service-" + (i % 4));
                    insert.setString(3, OUTCOMES[i % OUTCOMES.length]);
                    insert.setInt(4, i % 1000);
                    insert.addBatch();
                }
                insert.executeBatch();
            }

            Map<String, Long> perOutcome = new LinkedHashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT outcome, count() FROM " + table + " GROUP BY outcome ORDER BY outcome")) {
                while (r.next()) {
                    perOutcome.put(r.getString(1), r.getLong(2));
                }
            }
            assertThat(perOutcome).containsExactly(Map.entry("FAILURE", 20_000L), Map.entry("SUCCESS", 60_000L),
                    Map.entry("TIMEOUT", 20_000L));

            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(), sum(latency_ms), uniqExact(service),"
                         + " count(DISTINCT toStartOfMinute(at)) FROM " + table)) {
                assertThat(r.next()).isTrue();
                assertThat(r.getLong(1)).isEqualTo(ROWS);
                assertThat(r.getLong(2)).isEqualTo(100L * (999L * 1000 / 2)); // 100 runs of 0..999
                assertThat(r.getLong(3)).isEqualTo(4);
                assertThat(r.getLong(4)).isEqualTo(167); // 10,000 s of rows, one every 100 ms
            }
        }
    }
}

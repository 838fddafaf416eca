package gov.gsb.benchmarks;

import gov.gsb.devstack.ClickHouseServer;
import gov.gsb.devstack.junit.TestServers;
import gov.gsb.processors.ProcessorSettings;
import gov.gsb.processors.StreamProcessors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the stream-processor benchmarks share: the bus (broker process and registry, {@link BenchBus}), a ClickHouse
 * of their own, the processors started in this JVM on a fresh database and application id, and the queries that
 * tell how far they got.
 */
final class StatsBench {

    final BenchBus bus = new BenchBus();
    final ClickHouseServer clickhouse = TestServers.clickhouse();
    private String database = newDatabaseName();
    private Connection connection;

    private static String newDatabaseName() {
        return "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** Drops the current database (and stops its merges). */
    void dropDatabase() throws SQLException {
        try (Statement s = clickhouse().createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " SYNC");
        }
        connection.close();
        connection = null;
    }

    /** Points the next processors and queries at a database of their own (a new round starts from nothing). */
    void freshDatabase() throws SQLException {
        if (connection != null) {
            connection.close();
            connection = null;
        }
        database = newDatabaseName();
    }

    /**
     * @param callsTopic the topic the processors read CallRecords from
     * @param threads Kafka Streams threads
     * @return the running processors
     */
    StreamProcessors startProcessors(String callsTopic, int threads) throws Exception {
        return StreamProcessors.start(processorSettings(callsTopic, threads));
    }

    /** @return the settings the processors of this round run with (its database, a fresh application id) */
    ProcessorSettings processorSettings(String callsTopic, int threads) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("GSB_BOOTSTRAP", bus.broker.bootstrapServers());
        env.put("GSB_REGISTRY_URL", bus.registry.ccompatUrl());
        env.put("GSB_CLICKHOUSE_URL", clickhouse.httpUrl());
        env.put("GSB_CLICKHOUSE_DATABASE", database);
        env.put("GSB_PROCESSORS_PORT", "0");
        env.put("GSB_PROCESSORS_APPLICATION_ID", "bench-" + database);
        env.put("GSB_PROCESSORS_STATE_DIR", Files.createTempDirectory("gsb-bench-state").toString());
        env.put("GSB_PROCESSORS_THREADS", Integer.toString(threads));
        env.put("GSB_CALLS_TOPIC", callsTopic);
        env.put("GSB_AUDIT_TOPIC", callsTopic + ".audit");
        return ProcessorSettings.fromEnv(env);
    }

    Connection clickhouse() throws SQLException {
        if (connection == null) {
            connection = DriverManager.getConnection(clickhouse.jdbcUrl().replace("/default", "/" + database), "default", "");
        }
        return connection;
    }

    /** @return the first column of the first row of a query on the benchmark's database */
    long count(String sql) throws SQLException {
        try (Statement s = clickhouse().createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    /** @return rows in the call log (before merging: a clean run writes each once) */
    long callLogRows() throws SQLException {
        return count("SELECT count() FROM calls");
    }

    /** @return calls counted by the rollups */
    long rolledUpCalls() throws SQLException {
        return count("SELECT sum(calls) FROM calls_per_minute FINAL");
    }

    static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Path report(String name) {
        return Path.of("target", name);
    }
}

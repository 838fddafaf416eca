package gov.gsb.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.gsb.devstack.ClickHouseServer;
import gov.gsb.devstack.RegistryServer;
import gov.gsb.devstack.junit.InJvmKafka;
import gov.gsb.devstack.junit.RealServers;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The processors run as a separate process, as in production, and are killed with SIGKILL mid-run, then started
 * again on the same state directory. Nothing is lost and nothing is counted twice.
 *
 * <p>A separate process rather than closing a KafkaStreams abruptly in this JVM: a close, however abrupt, still
 * runs Kafka's own shutdown paths; a killed process runs none (no shutdown hook, an open transaction, an unclean
 * RocksDB), which is what a crash or an OOM kill does. The kill is placed where it hurts: the child commits every
 * 10 s and writes every 100 rows, and is killed 2 s after a commit, so ClickHouse holds rows whose offsets were never
 * committed; the restarted processors read those records again and write their rows a second time.
 */
@ExtendWith(RealServers.class)
class CrashRestartIT {

    @Test
    void shouldNeitherLoseNorDoubleCountWhenKilled(InJvmKafka kafka, RegistryServer registry, ClickHouseServer clickhouse)
            throws Exception {
        StatsBus bus = new StatsBus(kafka, registry, clickhouse);
        Map<String, String> env = new HashMap<>(bus.env());
        env.put("GSB_PROCESSORS_COMMIT_INTERVAL_MS", "10000");
        env.put("GSB_PROCESSORS_BATCH_ROWS", "100");
        env.put("GSB_PROCESSORS_INSTANCE_ID", "crash-test"); // static membership: the restart takes over at once
        List<Process> children = new ArrayList<>();
        try (Traffic traffic = new Traffic(bus); Admin admin = kafka.admin()) {
            Set<String> providers = traffic.providers();
            children.add(start(env, bus, 1));
            traffic.start(100);
            Map<TopicPartition, Long> first = awaitCommit(admin, bus, Map.of());
            awaitCommit(admin, bus, first);
            Thread.sleep(2_000);

            children.get(0).destroyForcibly(); // SIGKILL
            assertThat(children.get(0).waitFor(30, TimeUnit.SECONDS)).isTrue();
            long uncommitted = rowsBeyond(bus, providers, committed(admin, bus));
            assertThat(uncommitted).as("rows in ClickHouse whose offsets were not committed at the kill").isPositive();

            children.add(start(env, bus, 2));
            Thread.sleep(5_000);
            traffic.stop();
            traffic.close();

            Map<StatsBus.Key, StatsBus.Counts> truth = bus.truth(providers);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(bus.callLog(providers)).isEqualTo(truth);
                assertThat(bus.rollups(providers)).isEqualTo(truth);
            });
            System.err.printf("crash test: %d calls; at the kill ClickHouse held %d rows beyond the committed offsets, "
                    + "written again after the restart and collapsed by FINAL%n",
                    truth.values().stream().mapToLong(StatsBus.Counts::calls).sum(), uncommitted);
        } finally {
            children.forEach(Process::destroyForcibly);
        }
    }

    /** Waits until the application's committed offsets on gsb.calls differ from {@code previous}. */
    private static Map<TopicPartition, Long> awaitCommit(Admin admin, StatsBus bus, Map<TopicPartition, Long> previous) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> committed(admin, bus), c -> !c.isEmpty() && !c.equals(previous));
    }

    private static Map<TopicPartition, Long> committed(Admin admin, StatsBus bus) throws Exception {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> all = admin.listConsumerGroupOffsets(bus.applicationId)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        all.forEach((tp, o) -> {
            if (tp.topic().equals(StatsBus.CALLS) && o != null) {
                offsets.put(tp, o.offset());
            }
        });
        return offsets;
    }

    /** @return call-log rows of these providers read from beyond the committed offsets */
    private static long rowsBeyond(StatsBus bus, Set<String> providers, Map<TopicPartition, Long> committed)
            throws Exception {
        List<String> beyond = new ArrayList<>();
        committed.forEach((tp, offset) -> beyond.add("(source_partition = " + tp.partition() + " AND source_offset >= "
                + offset + ")"));
        String sql = "SELECT count() FROM calls WHERE provider_agency IN ('" + String.join("','", providers) + "') AND ("
                + String.join(" OR ", beyond) + ")";
        try (Connection c = bus.clickhouse(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Starts the processors' main class in a new JVM, with the runtime classpath Maven wrote. */
    private static Process start(Map<String, String> env, StatsBus bus, int run) throws Exception {
        String classpath = "target/classes" + File.pathSeparator + Files.readString(Path.of("target", "classpath.txt")).trim();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", classpath, "gov.gsb.processors.StreamProcessors")
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "processors-" + bus.database + "-" + run + ".log").toFile());
        pb.environment().putAll(env);
        return pb.start();
    }
}

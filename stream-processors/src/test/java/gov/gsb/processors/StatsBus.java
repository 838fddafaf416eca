package gov.gsb.processors;

import gov.gsb.bus.CallRecord;
import gov.gsb.devstack.ClickHouseServer;
import gov.gsb.devstack.RegistryServer;
import gov.gsb.devstack.junit.InJvmKafka;
import gov.gsb.sdk.GsbAvroDeserializer;
import gov.gsb.sdk.SchemaRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * One integration test's world: the shared real servers, a ClickHouse database and a Streams application id of its
 * own, the processors' settings for them, and the three views the tests compare: what the SDKs wrote to gsb.calls
 * (the truth), the call log and the rollups (both with FINAL).
 */
final class StatsBus {

    /** What the statistics are compared by. @param provider @param consumer @param kind @param outcome */
    record Key(String provider, String consumer, String kind, String outcome) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return toString().compareTo(o.toString());
        }
    }

    /** Per key: calls and the sum of the known latencies. @param calls the calls @param latencySum the latencies */
    record Counts(long calls, long latencySum) {
    }

    static final String CALLS = "gsb.calls";
    static final String AUDIT = "gsb.audit";

    final InJvmKafka kafka;
    final RegistryServer registry;
    final ClickHouseServer clickhouse;
    final String database = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    final String applicationId = "gsb-stream-processors-" + database;
    final Path stateDir;

    StatsBus(InJvmKafka kafka, RegistryServer registry, ClickHouseServer clickhouse) throws Exception {
        this.kafka = kafka;
        this.registry = registry;
        this.clickhouse = clickhouse;
        this.stateDir = Files.createDirectories(Path.of("target", "processors-state", database));
        createTopics(3, CALLS, AUDIT);
    }

    /** @return the processors' environment for this test */
    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("GSB_BOOTSTRAP", kafka.bootstrapServers());
        env.put("GSB_REGISTRY_URL", registry.ccompatUrl());
        env.put("GSB_CLICKHOUSE_URL", clickhouse.httpUrl());
        env.put("GSB_CLICKHOUSE_DATABASE", database);
        env.put("GSB_PROCESSORS_PORT", "0");
        env.put("GSB_PROCESSORS_APPLICATION_ID", applicationId);
        env.put("GSB_PROCESSORS_STATE_DIR", stateDir.toAbsolutePath().toString());
        env.put("GSB_PROCESSORS_COMMIT_INTERVAL_MS", "500");
        return env;
    }

    StreamProcessors startProcessors() throws Exception {
        return StreamProcessors.start(ProcessorSettings.fromEnv(env()));
    }

    void createTopics(int partitions, String... topics) {
        try (Admin admin = kafka.admin()) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not create " + List.of(topics) + ": " + e, e);
        }
    }

    Connection clickhouse() throws SQLException {
        return DriverManager.getConnection(clickhouse.jdbcUrl().replace("/default", "/" + database), "default", "");
    }

    /** The CallRecords of these providers now on gsb.calls, read to the end of every partition. */
    Map<Key, Counts> truth(Set<String> providers) {
        Properties p = kafka.clientProperties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "truth-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<Key, long[]> counts = new TreeMap<>();
        try (GsbAvroDeserializer<CallRecord> d = new GsbAvroDeserializer<>(SchemaRegistry.http(registry.ccompatUrl()), CallRecord.class);
             KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = c.partitionsFor(CALLS).stream()
                    .map(i -> new TopicPartition(CALLS, i.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = c.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> c.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    CallRecord call;
                    try {
                        call = d.deserialize(r.topic(), r.value());
                    } catch (RuntimeException poison) {
                        continue; // the tests' own poison records
                    }
                    if (call != null && providers.contains(call.getProviderAgency())) {
                        long[] n = counts.computeIfAbsent(key(call), k -> new long[2]);
                        n[0]++;
                        Long latency = CallRow.latencyOf(call);
                        n[1] += latency == null ? 0 : latency;
                    }
                }
            }
        }
        return counts.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> new Counts(e.getValue()[0], e.getValue()[1]), (a, b) -> a, TreeMap::new));
    }

    /** The call log of these providers, with FINAL. */
    Map<Key, Counts> callLog(Set<String> providers) throws SQLException {
        return query("SELECT provider_agency, consumer_agency, kind, outcome, count(), sum(ifNull(latency_ms, 0)) "
                + "FROM calls FINAL WHERE provider_agency IN (" + in(providers) + ") GROUP BY 1, 2, 3, 4");
    }

    /** The rollups of these providers, with FINAL. */
    Map<Key, Counts> rollups(Set<String> providers) throws SQLException {
        return query("SELECT provider_agency, consumer_agency, kind, outcome, sum(calls), sum(latency_sum_ms) "
                + "FROM calls_per_minute FINAL WHERE provider_agency IN (" + in(providers) + ") GROUP BY 1, 2, 3, 4");
    }

    /** @return the rows of the call log for these providers without FINAL (duplicates not yet merged included) */
    long callLogRowsBeforeMerge(Set<String> providers) throws SQLException {
        try (Connection c = clickhouse(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count() FROM calls WHERE provider_agency IN (" + in(providers) + ")")) {
            r.next();
            return r.getLong(1);
        }
    }

    private Map<Key, Counts> query(String sql) throws SQLException {
        Map<Key, Counts> m = new TreeMap<>();
        try (Connection c = clickhouse(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                m.put(new Key(r.getString(1), r.getString(2), r.getString(3), r.getString(4)),
                        new Counts(r.getLong(5), r.getLong(6)));
            }
        }
        return m;
    }

    /** @return the answer of the processors' endpoint, e.g. {@code /lag} */
    static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Key key(CallRecord r) {
        return new Key(r.getProviderAgency(), r.getConsumerAgency() == null ? "" : r.getConsumerAgency(),
                r.getKind().name(), r.getOutcome().name());
    }

    private static String in(Set<String> values) {
        List<String> quoted = new ArrayList<>();
        values.forEach(v -> quoted.add("'" + v.replace("'", "") + "'"));
        return String.join(",", quoted);
    }
}

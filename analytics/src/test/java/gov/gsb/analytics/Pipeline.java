package gov.gsb.analytics;

import gov.gsb.bus.CallRecord;
import gov.gsb.devstack.RegistryServer;
import gov.gsb.devstack.junit.InJvmKafka;
import gov.gsb.devstack.junit.TestServers;
import gov.gsb.processors.ProcessorSettings;
import gov.gsb.processors.StreamProcessors;
import gov.gsb.sdk.GsbAvroSerializer;
import gov.gsb.sdk.SchemaRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Loads CallRecords the way production does: onto {@code gsb.calls} (Confluent wire format, the registry's schema),
 * read by the real stream processors, which write the call log and the per-minute rollups; waits until both tables
 * count every record (with FINAL), then stops the processors.
 */
public final class Pipeline {

    private static final String CALLS_TOPIC = "gsb.calls";
    private static boolean loaded;

    private Pipeline() {
    }

    /**
     * Loads {@link TestData#RECORDS} into {@code database}, once per JVM, with the JVM's Kafka and registry
     * ({@link TestServers}); called by {@link AnalyticsServers} in the JVM's own class loader.
     *
     * @param clickhouseUrl ClickHouse's HTTP interface
     * @param database the database to load into
     */
    public static synchronized void loadOnce(String clickhouseUrl, String database) throws Exception {
        if (!loaded) {
            load(TestServers.kafka(), TestServers.registry(), clickhouseUrl, database, TestData.RECORDS);
            loaded = true;
        }
    }

    private static void load(InJvmKafka kafka, RegistryServer registry, String clickhouse, String database,
                             List<CallRecord> records) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("GSB_BOOTSTRAP", kafka.bootstrapServers());
        env.put("GSB_REGISTRY_URL", registry.ccompatUrl());
        env.put("GSB_CLICKHOUSE_URL", clickhouse);
        env.put("GSB_CLICKHOUSE_DATABASE", database);
        env.put("GSB_PROCESSORS_PORT", "0");
        env.put("GSB_PROCESSORS_APPLICATION_ID", "analytics-tests-" + database);
        env.put("GSB_PROCESSORS_STATE_DIR", Files.createDirectories(Path.of("target", "processors-state", database))
                .toAbsolutePath().toString());
        env.put("GSB_PROCESSORS_COMMIT_INTERVAL_MS", "300");
        try (StreamProcessors processors = StreamProcessors.start(ProcessorSettings.fromEnv(env));
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.clientProperties(),
                     new ByteArraySerializer(), new ByteArraySerializer());
             GsbAvroSerializer<CallRecord> serializer = new GsbAvroSerializer<>(SchemaRegistry.http(registry.ccompatUrl()), true)) {
            for (CallRecord r : records) {
                producer.send(new ProducerRecord<>(CALLS_TOPIC, r.getCallId().getBytes(StandardCharsets.UTF_8),
                        serializer.serialize(CALLS_TOPIC, r)));
            }
            producer.flush();
            awaitCount(clickhouse, database, "SELECT count() FROM calls FINAL", records.size());
            awaitCount(clickhouse, database, "SELECT sum(calls) FROM calls_per_minute FINAL", records.size());
        }
    }

    private static void awaitCount(String clickhouse, String database, String sql, long expected)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(clickhouse + "/?database="
                    + database + "&query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            last = r.statusCode() + " " + r.body().strip();
            if (r.statusCode() == 200 && r.body().strip().equals(Long.toString(expected))) {
                return;
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException(sql + " did not reach " + expected + " in 120 s; last answer: " + last);
    }
}

package gov.gsb.processors;

import gov.gsb.bus.AuditEvent;
import gov.gsb.bus.CallRecord;
import gov.gsb.processors.internal.KafkaSettings;
import gov.gsb.sdk.GsbAvroSerializer;
import gov.gsb.sdk.SchemaRegistry;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The processors' whole topology in a {@link TopologyTestDriver}, configured as in production, with an in-memory
 * registry and a {@link FakeTableWriter}. The driver commits after every record, so the writer has a record's rows
 * as soon as it is piped in.
 */
final class TopologyHarness implements AutoCloseable {

    final SchemaRegistry registry;
    final FakeTableWriter writer = new FakeTableWriter();
    final AtomicBoolean stopping = new AtomicBoolean();
    final AtomicLong deadLetters = new AtomicLong();
    final ProcessorSettings settings;
    final TopologyTestDriver driver;
    final TestInputTopic<byte[], CallRecord> calls;
    final TestInputTopic<byte[], AuditEvent> audit;
    final TestInputTopic<byte[], byte[]> rawCalls;
    final TestInputTopic<byte[], byte[]> rawAudit;

    TopologyHarness() {
        this(SchemaRegistry.inMemory(), Map.of());
    }

    TopologyHarness(SchemaRegistry registry, Map<String, String> env) {
        this(registry, env, Map.of());
    }

    TopologyHarness(SchemaRegistry registry, Map<String, String> env, Map<String, Object> streamsOverrides) {
        this.registry = registry;
        Map<String, String> all = new HashMap<>(Map.of("GSB_BOOTSTRAP", "unused:9092", "GSB_REGISTRY_URL", "in-memory",
                "GSB_CLICKHOUSE_URL", "http://unused:8123", "GSB_PROCESSORS_STATE_DIR", tempDir()));
        all.putAll(env);
        settings = ProcessorSettings.fromEnv(all);
        Properties props = KafkaSettings.streams(settings, deadLetters);
        props.putAll(streamsOverrides);
        driver = new TopologyTestDriver(Topologies.build(settings, registry, writer, stopping::get), props,
                TestRecords.T0);
        calls = driver.createInputTopic(settings.callsTopic(), new ByteArraySerializer(),
                new GsbAvroSerializer<>(registry, true));
        audit = driver.createInputTopic(settings.auditTopic(), new ByteArraySerializer(),
                new GsbAvroSerializer<>(registry, true));
        rawCalls = driver.createInputTopic(settings.callsTopic(), new ByteArraySerializer(), new ByteArraySerializer());
        rawAudit = driver.createInputTopic(settings.auditTopic(), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static String tempDir() {
        try {
            return java.nio.file.Files.createTempDirectory("gsb-topology-test").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Pipes a call whose CallRecord was written (its Kafka timestamp) when it was sent. */
    void send(CallRecord call) {
        calls.pipeInput(null, call, call.getRequestSentAt());
    }

    /** Pipes a call whose CallRecord was written at {@code writtenAt}. */
    void send(CallRecord call, Instant writtenAt) {
        calls.pipeInput(null, call, writtenAt);
    }

    TestOutputTopic<byte[], byte[]> deadLetters(String topic) {
        return driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** @return the Kafka Streams metric's value summed over its tasks */
    double metric(String name) {
        return driver.metrics().values().stream().filter(m -> m.metricName().name().equals(name))
                .mapToDouble(m -> ((Number) m.metricValue()).doubleValue()).sum();
    }

    @Override
    public void close() {
        stopping.set(true);
        driver.close();
    }
}

package gov.gsb.sdk.internal;

import gov.gsb.bus.CallRecord;
import gov.gsb.bus.Outcome;
import gov.gsb.sdk.GsbAvroSerializer;
import gov.gsb.sdk.GsbAvroSerdeConfig;
import gov.gsb.sdk.GsbClientConfig;
import gov.gsb.sdk.SchemaRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Time;

/**
 * What a publisher or subscriber holds besides its Kafka clients: its settings, the Kafka
 * properties they share (brokers, security, {@code kafka.*} pass-through), the schema registry,
 * its metrics and the CallRecord recorder.
 */
public final class ClientContext implements AutoCloseable {

    private final GsbClientConfig config;
    private final String clientId;
    private final Map<String, Object> kafka;
    private final SchemaRegistry registry;
    private final Metrics metrics;
    private final CallRecorder recorder;

    /**
     * @param config the client's settings
     * @param tokenSupplier the application's token source, or null for client credentials (or no security)
     * @param registry a registry to use instead of the configured URL (tests), or null
     * @param kind what the client is ("publisher", "subscriber"), for client ids and metrics
     */
    public ClientContext(GsbClientConfig config, Supplier<String> tokenSupplier, SchemaRegistry registry, String kind) {
        this.config = config;
        this.clientId = "gsb-" + config.agency() + "-" + kind + "-" + Ids.newCallId().substring(0, 8);
        this.kafka = new LinkedHashMap<>(ClientSecurity.kafkaProperties(config, tokenSupplier));
        this.kafka.putAll(config.originalsWithPrefix("kafka."));
        this.registry = registry != null ? registry : httpRegistry(config);
        this.metrics = new Metrics(new MetricConfig(), java.util.List.of(new JmxReporter()), Time.SYSTEM,
                new KafkaMetricsContext("gsb.sdk", Map.of("client-id", clientId)));
        try {
            this.recorder = config.getBoolean(GsbClientConfig.CALLS_ENABLED) ? newRecorder() : null;
        } catch (RuntimeException e) {
            metrics.close(); // a refused login: release what was made so far
            throw e;
        }
        if (recorder != null) {
            recorder.registerMetrics(metrics, "gsb-call-records");
        }
    }

    private static SchemaRegistry httpRegistry(GsbClientConfig config) {
        String url = config.getString(GsbAvroSerdeConfig.REGISTRY_URL);
        if (url == null || url.isBlank()) {
            throw new org.apache.kafka.common.config.ConfigException(GsbAvroSerdeConfig.REGISTRY_URL, url,
                    "give the schema registry's URL (GSB_REGISTRY_URL of ./gsb env), or a SchemaRegistry object");
        }
        return SchemaRegistry.http(url);
    }

    private CallRecorder newRecorder() {
        Map<String, Object> p = producerProperties("calls");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 100);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // The recorder thread may wait for an unreachable bus; it must not wait long on each try.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        GsbAvroSerializer<CallRecord> serializer = new GsbAvroSerializer<>(registry, autoRegister());
        return new CallRecorder(create(() -> new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())), serializer,
                config.getString(GsbClientConfig.CALLS_TOPIC), config.getInt(GsbClientConfig.CALLS_BUFFER_RECORDS));
    }

    /**
     * Makes a Kafka client, turning a failed login into the SDK's typed error.
     *
     * @throws gov.gsb.sdk.NotAuthorizedException (fatal) if the identity provider refuses the agency's credentials
     * @throws gov.gsb.sdk.BusUnavailableException (retriable) if it does not answer
     */
    public <T> T create(java.util.function.Supplier<T> client) {
        try {
            return client.get();
        } catch (org.apache.kafka.common.KafkaException e) {
            throw ErrorMapping.construction(e, config.agency());
        }
    }

    /** @return the settings */
    public GsbClientConfig config() {
        return config;
    }

    /** @return the calling agency */
    public String agency() {
        return config.agency();
    }

    /** @return this client's id, used as the Kafka clients' {@code client.id} prefix */
    public String clientId() {
        return clientId;
    }

    /** @return the schema registry */
    public SchemaRegistry registry() {
        return registry;
    }

    /** @return whether the serdes may register schemas */
    public boolean autoRegister() {
        return config.getBoolean(GsbAvroSerdeConfig.AUTO_REGISTER);
    }

    /** @return this client's metrics (CallRecord counters; the Kafka clients have their own) */
    public Metrics metrics() {
        return metrics;
    }

    /** @return the recorder, or null when CallRecords are off */
    public CallRecorder recorder() {
        return recorder;
    }

    /** @return properties for a producer: the shared ones plus a client id, idempotent, acks=all */
    public Map<String, Object> producerProperties(String role) {
        Map<String, Object> p = new LinkedHashMap<>(kafka);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-" + role);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return p;
    }

    /**
     * @return properties for a consumer: the shared ones plus a client id, reading committed records only unless the
     *         application says otherwise (transactional writers on the bus, such as the orchestrator of composite
     *         services, abort records on a crash; a reader of uncommitted ones would act on a request that never was)
     */
    public Map<String, Object> consumerProperties(String role) {
        Map<String, Object> p = new LinkedHashMap<>(kafka);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-" + role);
        p.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return p;
    }

    /** Queues the call's record (never blocks); nothing if CallRecords are off. */
    public void record(Call call, Outcome outcome, String errorCode, String errorMessage) {
        if (recorder != null) {
            recorder.record(call.toRecord(outcome, errorCode, errorMessage));
        }
    }

    /** Queues the record of a failed call, its outcome and code taken from the (mapped) error. */
    public void recordFailure(Call call, Throwable mappedError) {
        record(call, ErrorMapping.outcome(mappedError), ErrorMapping.code(mappedError), mappedError.getMessage());
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    /** Sends waiting CallRecords for at most {@code timeout}, then releases everything. */
    public void close(Duration timeout) {
        if (recorder != null) {
            recorder.close(timeout);
        }
        metrics.close();
    }
}

package gov.gsb.producer;

import gov.gsb.bus.CallKind;
import gov.gsb.bus.Outcome;
import gov.gsb.producer.internal.PendingRequest;
import gov.gsb.producer.internal.ReplyRouter;
import gov.gsb.producer.internal.RequestReply;
import gov.gsb.sdk.CallContext;
import gov.gsb.sdk.GsbAvroSerializer;
import gov.gsb.sdk.GsbAvroSerdeConfig;
import gov.gsb.sdk.GsbClientConfig;
import gov.gsb.sdk.GsbHeaders;
import gov.gsb.sdk.SchemaRegistry;
import gov.gsb.sdk.Service;
import gov.gsb.sdk.internal.Call;
import gov.gsb.sdk.internal.ClientContext;
import gov.gsb.sdk.internal.ErrorMapping;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The agency's sender on the bus: publishes its services' events and calls other agencies'
 * two-way services. Thread-safe; make one per application and share it, like a KafkaProducer.
 *
 * <pre>{@code
 * try (Publisher publisher = GsbPublisher.builder()
 *         .bootstrapServers("127.0.0.1:9092")
 *         .agency("civil-registry")
 *         .registryUrl("http://127.0.0.1:8081/apis/ccompat/v7")
 *         .clientCredentials(tokenUrl, "civil-registry", secret)
 *         .build()) {
 *     PublishReceipt receipt = publisher.publishAndWait("address-changed", citizenId, event);
 * }
 * }</pre>
 *
 * <p>Publishing is idempotent with {@code acks=all}: an acknowledged event is on every in-sync
 * replica, exactly once. Stages complete on the SDK's I/O thread: keep continuations short, or use
 * the {@code ...Async} variants with an executor of your own.
 */
public final class GsbPublisher implements Publisher {

    private final ClientContext context;
    private final KafkaProducer<String, byte[]> producer;
    private final GsbAvroSerializer<Object> serializer;
    private final RequestReply requests;
    private final Map<String, Service> ownServices = new java.util.concurrent.ConcurrentHashMap<>();

    private GsbPublisher(GsbPublisherConfig config, Supplier<String> tokenSupplier, SchemaRegistry registry) {
        this.context = new ClientContext(config, tokenSupplier, registry, "publisher");
        Map<String, Object> p = context.producerProperties("events");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, config.getInt(GsbPublisherConfig.PUBLISH_TIMEOUT_MS));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, config.getInt(GsbPublisherConfig.PUBLISH_MAX_BLOCK_MS));
        // Kafka wants delivery.timeout >= linger + request.timeout: leave room for a retry within a publish.
        p.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                Math.min(30_000, config.getInt(GsbPublisherConfig.PUBLISH_TIMEOUT_MS) / 2));
        this.producer = context.create(() -> new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()));
        this.serializer = new GsbAvroSerializer<>(context.registry(), context.autoRegister());
        this.requests = new RequestReply(context, () -> context.create(() -> new ReplyRouter(context.consumerProperties("replies"))));
    }

    /** @return a builder from plain settings */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public CompletionStage<PublishReceipt> publish(String service, String key, Object event, CallContext callContext) {
        Service s = ownServices.computeIfAbsent(service, name -> Service.of(context.agency(), name));
        Call call = Call.start(CallKind.PUBLISH, s, "publish", callContext);
        call.topic = s.topic();
        return send(call, key, event, Map.of()).thenApply(md -> new PublishReceipt(call.callId, call.correlationId,
                md.topic(), md.partition(), md.offset(), Instant.ofEpochMilli(md.timestamp())));
    }

    @Override
    public PublishReceipt publishAndWait(String service, String key, Object event) {
        return RequestReply.join(publish(service, key, event).toCompletableFuture());
    }

    @Override
    public <R> CompletionStage<R> request(Service service, Object request, Class<R> replyType, Duration timeout,
                                          CallContext callContext) {
        Call call = Call.start(CallKind.REQUEST, service, "request", callContext);
        call.topic = service.requestsTopic();
        call.consumerAgency = context.agency();
        String replyTo = service.replyTopic(context.agency());
        return requests.call(call, replyTo, replyType, timeout,
                () -> send(call, call.callId, request, Map.of(GsbHeaders.REPLY_TO, replyTo)));
    }

    /**
     * Serializes and sends one message of a call. A PUBLISH call's record is written here; a
     * REQUEST's when its reply comes (or does not).
     */
    private CompletableFuture<RecordMetadata> send(Call call, String key, Object value, Map<String, String> extraHeaders) {
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        call.requestSentAt = Instant.now();
        try {
            byte[] bytes = serializer.serialize(call.topic, value);
            call.requestBytes = bytes == null ? 0 : bytes.length;
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(call.topic, null, key, bytes);
            call.writeHeaders(record.headers(), context.agency(), call.kind == CallKind.PUBLISH ? "publish" : "request");
            extraHeaders.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    sent(call, metadata);
                    result.complete(metadata);
                } else {
                    fail(call, error, result);
                }
            });
        } catch (RuntimeException e) {
            fail(call, e, result);
        }
        return result;
    }

    private void sent(Call call, RecordMetadata metadata) {
        call.partition = metadata.partition();
        call.offset = metadata.offset();
        if (call.kind == CallKind.PUBLISH) {
            call.requestReceivedAt = Instant.now();
            context.record(call, Outcome.SUCCESS, null, null);
        }
    }

    private void fail(Call call, Throwable error, CompletableFuture<RecordMetadata> result) {
        RuntimeException mapped = ErrorMapping.map(error, call.service,
                call.kind == CallKind.PUBLISH ? "publish to" : "send requests to", context.agency());
        if (call.kind == CallKind.PUBLISH) {
            context.recordFailure(call, mapped);
        }
        result.completeExceptionally(mapped);
    }

    @Override
    public Map<MetricName, ? extends Metric> metrics() {
        Map<MetricName, Metric> all = new LinkedHashMap<>(producer.metrics());
        all.putAll(context.metrics().metrics());
        return all;
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    @Override
    public void close(Duration timeout) {
        requests.close();
        producer.close(timeout);
        context.close(timeout);
    }

    /** Builds a {@link GsbPublisher} from plain settings; see {@link GsbPublisherConfig} for every key. */
    public static final class Builder {
        private final Map<String, Object> settings = new HashMap<>();
        private Supplier<String> tokenSupplier;
        private SchemaRegistry registry;

        private Builder() {
        }

        /** @param servers the bus's brokers, {@code host:port,...} @return this builder */
        public Builder bootstrapServers(String servers) {
            return config(GsbClientConfig.BOOTSTRAP_SERVERS, servers);
        }

        /** @param agency the agency this publisher acts for @return this builder */
        public Builder agency(String agency) {
            return config(GsbClientConfig.AGENCY, agency);
        }

        /** @param url the schema registry's Confluent-compatible API @return this builder */
        public Builder registryUrl(String url) {
            return config(GsbAvroSerdeConfig.REGISTRY_URL, url);
        }

        /** @param registry a registry object instead of a URL (e.g. {@code SchemaRegistry.inMemory()}) @return this builder */
        public Builder registry(SchemaRegistry registry) {
            this.registry = registry;
            return this;
        }

        /**
         * Logs in to the bus with the agency's OAuth client credentials.
         *
         * @param tokenUrl the identity provider's token endpoint
         * @param clientId the agency's client id
         * @param clientSecret the agency's client secret
         * @return this builder
         */
        public Builder clientCredentials(String tokenUrl, String clientId, String clientSecret) {
            config(GsbClientConfig.TOKEN_URL, tokenUrl);
            config(GsbClientConfig.CLIENT_ID, clientId);
            return config(GsbClientConfig.CLIENT_SECRET, clientSecret);
        }

        /** @param supplier gives access tokens (compact JWTs) the application obtains itself @return this builder */
        public Builder tokenSupplier(Supplier<String> supplier) {
            this.tokenSupplier = supplier;
            return this;
        }

        /** @param enabled whether schemas may be registered on first use (a development stack) @return this builder */
        public Builder autoRegisterSchemas(boolean enabled) {
            return config(GsbAvroSerdeConfig.AUTO_REGISTER, enabled);
        }

        /** @param key any {@code gsb.*} key of {@link GsbPublisherConfig} @param value its value @return this builder */
        public Builder config(String key, Object value) {
            settings.put(key, value);
            return this;
        }

        /** @param key a KafkaProducer setting @param value its value @return this builder */
        public Builder kafkaProperty(String key, Object value) {
            return config("kafka." + key, value);
        }

        /**
         * @return the publisher
         * @throws org.apache.kafka.common.config.ConfigException (fatal) naming the first missing or wrong setting
         */
        public GsbPublisher build() {
            return new GsbPublisher(new GsbPublisherConfig(settings), tokenSupplier, registry);
        }
    }
}

package gov.gsb.consumer;

import gov.gsb.consumer.internal.Subscription;
import gov.gsb.consumer.internal.SubscriberLoop;
import gov.gsb.sdk.GsbAvroDeserializer;
import gov.gsb.sdk.GsbAvroSerdeConfig;
import gov.gsb.sdk.GsbAvroSerializer;
import gov.gsb.sdk.GsbClientConfig;
import gov.gsb.sdk.SchemaRegistry;
import gov.gsb.sdk.Service;
import gov.gsb.sdk.internal.ClientContext;
import gov.gsb.sdk.internal.ErrorMapping;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agency's receiver on the bus: subscribes to other agencies' events and serves the two-way
 * services its agency provides, each with a handler, on one thread of its own.
 *
 * <pre>{@code
 * GsbSubscriber subscriber = GsbSubscriber.builder()
 *         .bootstrapServers("127.0.0.1:9092")
 *         .agency("tax")
 *         .registryUrl("http://127.0.0.1:8081/apis/ccompat/v7")
 *         .clientCredentials(tokenUrl, "tax", secret)
 *         .group("address-sync")
 *         .build();
 * subscriber.subscribe(Service.parse("civil-registry.address-changed"), AddressChanged.class,
 *         (event, message) -> taxRecords.moveTo(event.getCitizenId(), event.getNewAddress()));
 * subscriber.start();
 * }</pre>
 *
 * <p>Guarantees: at-least-once (an offset is committed only after its message was handled,
 * dead-lettered or answered, so a handler may see a message again after a crash: use
 * {@link Message#callId()} to make it idempotent); per-partition order (one message at a time per
 * partition, retries included); nothing lost (a message that cannot be decoded, or whose handler
 * keeps failing, goes to the dead-letter topic {@code gsb.dlq.<agency>.<provider>.<service>} with
 * headers saying why, and the subscriber goes on).
 */
public final class GsbSubscriber implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GsbSubscriber.class);

    private final GsbSubscriberConfig config;
    private final ClientContext context;
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final Consumer<Throwable> onFatal;
    private volatile Throwable failure;
    private KafkaConsumer<byte[], byte[]> consumer;
    private KafkaProducer<byte[], byte[]> producer;
    private SubscriberLoop loop;
    private Thread thread;

    private GsbSubscriber(GsbSubscriberConfig config, Supplier<String> tokenSupplier, SchemaRegistry registry,
                          Consumer<Throwable> onFatal) {
        this.config = config;
        this.context = new ClientContext(config, tokenSupplier, registry, "subscriber");
        this.onFatal = onFatal;
    }

    /** @return a builder from plain settings */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Handles the events of another agency's service (or of one's own).
     *
     * @param service the service, e.g. {@code Service.parse("civil-registry.address-changed")}
     * @param type the events' class (generated from the contract), or {@code GenericRecord.class}
     * @param handler called for each event, in order per key
     * @param <T> the events' type
     * @return this subscriber
     * @throws IllegalStateException (fatal) if the subscriber was started already or the service is taken
     */
    public synchronized <T> GsbSubscriber subscribe(Service service, Class<T> type, EventHandler<T> handler) {
        @SuppressWarnings("unchecked")
        EventHandler<Object> h = (EventHandler<Object>) handler;
        return add(new Subscription(service, service.topic(), decoder(type), h, null));
    }

    /**
     * Handles the events of a service as {@code GenericRecord}s read in a schema of the application's
     * choosing (its own version of the contract, older or newer than the publisher's).
     *
     * @param service the service
     * @param readerSchema the schema to read the events in
     * @param handler called for each event, in order per key
     * @return this subscriber
     * @throws IllegalStateException (fatal) if the subscriber was started already or the service is taken
     */
    @SuppressWarnings("unchecked")
    public synchronized GsbSubscriber subscribe(Service service, org.apache.avro.Schema readerSchema,
                                                EventHandler<GenericRecord> handler) {
        GsbAvroDeserializer<?> d = GsbAvroDeserializer.generic(context.registry(), readerSchema);
        EventHandler<Object> h = (EventHandler<Object>) (EventHandler<?>) handler;
        return add(new Subscription(service, service.topic(), (GsbAvroDeserializer<Object>) d, h, null));
    }

    /**
     * Serves a two-way service of this subscriber's agency: each request's reply (or failure) goes
     * back to the requester.
     *
     * @param service the service's name within this agency, e.g. {@code address-change}
     * @param requestType the requests' class
     * @param handler returns the reply for a request
     * @param <Q> the requests' type
     * @param <R> the replies' type
     * @return this subscriber
     * @throws IllegalStateException (fatal) if the subscriber was started already or the service is taken
     */
    public synchronized <Q, R> GsbSubscriber serve(String service, Class<Q> requestType, RequestHandler<Q, R> handler) {
        Service s = Service.of(context.agency(), service);
        @SuppressWarnings("unchecked")
        RequestHandler<Object, Object> h = (RequestHandler<Object, Object>) handler;
        return add(new Subscription(s, s.requestsTopic(), decoder(requestType), null, h));
    }

    private GsbSubscriber add(Subscription s) {
        if (loop != null) {
            throw new IllegalStateException("subscribe and serve before start()");
        }
        if (subscriptions.putIfAbsent(s.topic(), s) != null) {
            throw new IllegalStateException("a handler for " + s.topic() + " is already registered");
        }
        return this;
    }

    @SuppressWarnings("unchecked")
    private GsbAvroDeserializer<Object> decoder(Class<?> type) {
        return new GsbAvroDeserializer<>(context.registry(), type == GenericRecord.class ? null : (Class<Object>) type);
    }

    /**
     * Starts the subscriber's thread.
     *
     * @return this subscriber
     * @throws IllegalStateException (fatal) if nothing is subscribed or it was started already
     */
    public synchronized GsbSubscriber start() {
        if (subscriptions.isEmpty()) {
            throw new IllegalStateException("subscribe to or serve at least one service before start()");
        }
        if (loop != null) {
            throw new IllegalStateException("already started");
        }
        Map<String, Object> c = context.consumerProperties("consumer");
        c.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, config.getString(GsbSubscriberConfig.START_FROM));
        consumer = context.create(() -> new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
        producer = context.create(() -> new KafkaProducer<>(context.producerProperties("replies"), new ByteArraySerializer(),
                new ByteArraySerializer()));
        loop = new SubscriberLoop(context, consumer, producer, subscriptions,
                new SubscriberLoop.RetrySettings(config.getInt(GsbSubscriberConfig.RETRIES),
                        config.getLong(GsbSubscriberConfig.RETRY_BACKOFF_MS),
                        config.getLong(GsbSubscriberConfig.RETRY_BACKOFF_MAX_MS)),
                // Replies register their schema whatever gsb.schemas.auto.register says: the subject is the
                // requester's reply topic's, one per requester, and nothing but the provider knows what goes there.
                config.groupId(), new GsbAvroSerializer<>(context.registry(), true), this::fatal);
        thread = new Thread(loop, "gsb-subscriber-" + config.groupId());
        thread.start();
        return this;
    }

    private void fatal(Throwable error) {
        Subscription any = subscriptions.values().iterator().next();
        RuntimeException mapped = ErrorMapping.map(error, any.service(), "subscribe to", context.agency());
        failure = mapped;
        LOG.error("the subscriber {} stopped: {}", config.groupId(), mapped.getMessage());
        onFatal.accept(mapped);
    }

    /** @param service a subscribed service: its messages wait (from the next poll) until {@link #resume} */
    public void pause(Service service) {
        running().pause(topicOf(service));
    }

    /** @param service a paused service: its messages flow again */
    public void resume(Service service) {
        running().resume(topicOf(service));
    }

    private String topicOf(Service service) {
        return subscriptions.containsKey(service.topic()) ? service.topic() : service.requestsTopic();
    }

    private SubscriberLoop running() {
        if (loop == null) {
            throw new IllegalStateException("start() first");
        }
        return loop;
    }

    /** @return whether the subscriber's thread is running */
    public boolean isRunning() {
        return loop != null && loop.isRunning();
    }

    /**
     * Waits until the subscriber's group has given it partitions to read (a new group takes a few
     * seconds to form): useful before the first event that it must not miss with {@code gsb.start.from=latest}.
     *
     * @param timeout how long to wait at most
     * @return whether it has partitions
     */
    public boolean awaitAssignment(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(loop != null && loop.isAssigned()) && System.nanoTime() < deadline && failure == null) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return loop != null && loop.isAssigned();
    }

    /** @return why the subscriber stopped on its own (a refused grant, say), if it did */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** @return the metrics of this subscriber: its Kafka clients' and its own */
    public Map<MetricName, ? extends Metric> metrics() {
        Map<MetricName, Metric> all = new LinkedHashMap<>();
        if (consumer != null) {
            all.putAll(consumer.metrics());
            all.putAll(producer.metrics());
        }
        all.putAll(context.metrics().metrics());
        return all;
    }

    /** Finishes the message in hand, commits, and releases everything (waits up to 30 s). */
    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    /** @param timeout how long to wait for the message in hand and the CallRecords */
    public synchronized void close(Duration timeout) {
        if (loop != null) {
            loop.stop(timeout);
            producer.close(timeout);
        }
        context.close(timeout);
    }

    /** Builds a {@link GsbSubscriber} from plain settings; see {@link GsbSubscriberConfig} for every key. */
    public static final class Builder {
        private final Map<String, Object> settings = new HashMap<>();
        private Supplier<String> tokenSupplier;
        private SchemaRegistry registry;
        private Consumer<Throwable> onFatal = e -> { };

        private Builder() {
        }

        /** @param servers the bus's brokers @return this builder */
        public Builder bootstrapServers(String servers) {
            return config(GsbClientConfig.BOOTSTRAP_SERVERS, servers);
        }

        /** @param agency the agency this subscriber acts for @return this builder */
        public Builder agency(String agency) {
            return config(GsbClientConfig.AGENCY, agency);
        }

        /** @param group this subscriber's name within its agency (its consumer group) @return this builder */
        public Builder group(String group) {
            return config(GsbSubscriberConfig.GROUP, group);
        }

        /** @param url the schema registry's Confluent-compatible API @return this builder */
        public Builder registryUrl(String url) {
            return config(GsbAvroSerdeConfig.REGISTRY_URL, url);
        }

        /** @param registry a registry object instead of a URL @return this builder */
        public Builder registry(SchemaRegistry registry) {
            this.registry = registry;
            return this;
        }

        /**
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

        /** @param supplier gives access tokens the application obtains itself @return this builder */
        public Builder tokenSupplier(Supplier<String> supplier) {
            this.tokenSupplier = supplier;
            return this;
        }

        /** @param retries tries after the first @param backoff the first wait between them @return this builder */
        public Builder retries(int retries, Duration backoff) {
            config(GsbSubscriberConfig.RETRIES, retries);
            return config(GsbSubscriberConfig.RETRY_BACKOFF_MS, backoff.toMillis());
        }

        /** @param listener told when the subscriber stops on its own (a refused grant, say) @return this builder */
        public Builder onFatalError(Consumer<Throwable> listener) {
            this.onFatal = listener;
            return this;
        }

        /** @param enabled whether reply schemas may be registered on first use @return this builder */
        public Builder autoRegisterSchemas(boolean enabled) {
            return config(GsbAvroSerdeConfig.AUTO_REGISTER, enabled);
        }

        /** @param key any {@code gsb.*} key of {@link GsbSubscriberConfig} @param value its value @return this builder */
        public Builder config(String key, Object value) {
            settings.put(key, value);
            return this;
        }

        /** @param key a Kafka client setting @param value its value @return this builder */
        public Builder kafkaProperty(String key, Object value) {
            return config("kafka." + key, value);
        }

        /**
         * @return the subscriber (not started)
         * @throws org.apache.kafka.common.config.ConfigException (fatal) naming the first missing or wrong setting
         */
        public GsbSubscriber build() {
            return new GsbSubscriber(new GsbSubscriberConfig(settings), tokenSupplier, registry, onFatal);
        }
    }
}

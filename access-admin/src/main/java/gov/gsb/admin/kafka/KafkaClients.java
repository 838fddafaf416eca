package gov.gsb.admin.kafka;

import gov.gsb.admin.GsbConfig;
import gov.gsb.sdk.GsbAvroDeserializer;
import gov.gsb.sdk.GsbAvroSerializer;
import gov.gsb.sdk.SchemaRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * access-admin's Kafka clients: one admin client and one producer, shared, and consumers on demand. On a secured
 * bus they log in with SASL OAUTHBEARER as the realm's client {@code gsb-services} (Kafka's own
 * client-credentials login), which the brokers must list in {@code super.users}: it creates topics and ACLs.
 */
@ApplicationScoped
public class KafkaClients implements AutoCloseable {

    /** Kafka's allow-list of URLs its OAuth code may call (default: none). */
    static final String ALLOWED_URLS_PROPERTY = "org.apache.kafka.sasl.oauthbearer.allowed.urls";

    private final GsbConfig config;
    private final SchemaRegistry registry;
    private Admin admin;
    private Producer<String, SpecificRecord> producer;
    private Producer<String, String> textProducer;

    @Inject
    public KafkaClients(GsbConfig config) {
        this.config = config;
        this.registry = SchemaRegistry.http(config.registry().url());
    }

    /** The schema registry the serdes use. */
    public SchemaRegistry registry() {
        return registry;
    }

    /** How long one Kafka operation may take. */
    public Duration timeout() {
        return config.kafka().timeout();
    }

    /** The shared admin client. */
    public synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(common());
        }
        return admin;
    }

    /**
     * The shared producer of the bus's own records (catalog, grants, audit): idempotent, every write acknowledged by
     * all in-sync replicas. It registers their schemas itself: they are access-admin's own contracts.
     */
    public synchronized Producer<String, SpecificRecord> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(acknowledgedProducer(), new StringSerializer(), new GsbAvroSerializer<>(registry, true));
        }
        return producer;
    }

    /**
     * The shared producer of text records (the composites' definitions, JSON), acknowledged like {@link #producer()}.
     */
    public synchronized Producer<String, String> textProducer() {
        if (textProducer == null) {
            textProducer = new KafkaProducer<>(acknowledgedProducer(), new StringSerializer(), new StringSerializer());
        }
        return textProducer;
    }

    /** Both producers' settings: idempotent, every write acknowledged by all in-sync replicas, within the timeout. */
    private Map<String, Object> acknowledgedProducer() {
        Map<String, Object> p = common();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout().toMillis());
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout().toMillis(), 15_000));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout().toMillis());
        return p;
    }

    /** A new consumer of text records without a group, as {@link #consumer(Class)}; the caller closes it. */
    public Consumer<String, String> textConsumer() {
        Map<String, Object> p = common();
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    /**
     * A new consumer without a group (partitions are assigned, offsets never committed); the caller closes it.
     *
     * @param type the records' generated class
     * @param <V> the record type
     * @return the consumer
     */
    public <V> Consumer<String, V> consumer(Class<V> type) {
        Map<String, Object> p = common();
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        return new KafkaConsumer<>(p, new StringDeserializer(), new GsbAvroDeserializer<>(registry, type));
    }

    /** Bootstrap servers and security, as every client of access-admin needs them. */
    Map<String, Object> common() {
        Map<String, Object> p = new HashMap<>();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrap());
        String protocol = config.kafka().securityProtocol();
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol);
        if (protocol.startsWith("SASL")) {
            String tokenUrl = tokenUrl(config.keycloak().url());
            p.put(SaslConfigs.SASL_MECHANISM, "OAUTHBEARER");
            p.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ;");
            p.put(SaslConfigs.SASL_LOGIN_CALLBACK_HANDLER_CLASS,
                    "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler");
            p.put(SaslConfigs.SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL, tokenUrl);
            p.put("sasl.oauthbearer.client.credentials.client.id", config.keycloak().clientId());
            p.put("sasl.oauthbearer.client.credentials.client.secret", config.keycloak().clientSecret());
            // Keycloak's tokens live 5 minutes, exactly Kafka's default refresh buffer: refresh well before expiry.
            p.put(SaslConfigs.SASL_LOGIN_REFRESH_BUFFER_SECONDS, (short) 60);
            p.put(SaslConfigs.SASL_LOGIN_REFRESH_MIN_PERIOD_SECONDS, (short) 30);
            allowUrl(tokenUrl);
        }
        p.putAll(config.kafka().properties());
        return p;
    }

    /** The token endpoint of a Keycloak realm. */
    public static String tokenUrl(String realmUrl) {
        return realmUrl.replaceAll("/+$", "") + "/protocol/openid-connect/token";
    }

    /** Adds a URL to Kafka's JVM-wide allow-list of OAuth URLs, keeping what is there (as the SDK does). */
    static synchronized void allowUrl(String url) {
        Set<String> urls = new LinkedHashSet<>(Arrays.asList(System.getProperty(ALLOWED_URLS_PROPERTY, "").split(",")));
        urls.remove("");
        if (urls.add(url)) {
            System.setProperty(ALLOWED_URLS_PROPERTY, String.join(",", urls));
        }
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (textProducer != null) {
            textProducer.close(Duration.ofSeconds(5));
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }
}

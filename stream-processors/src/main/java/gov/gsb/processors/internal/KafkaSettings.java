package gov.gsb.processors.internal;

import gov.gsb.processors.ProcessorSettings;
import gov.gsb.processors.Topologies;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams configuration of the processors: exactly-once v2, the dead-letter handler, and timeouts raised
 * so that a task may wait for ClickHouse before it commits; plus, on a secured bus, the OAUTHBEARER login of the
 * {@code gsb-services} client with Kafka's own client-credentials login handler.
 */
public final class KafkaSettings {

    /**
     * How long a transaction may stay open: a task waiting for ClickHouse keeps its transaction open, so this
     * bounds the outage it rides out without being fenced (a longer one still loses nothing: the transaction is
     * aborted and its records are read again). At most the brokers' {@code transaction.max.timeout.ms} (15 min by
     * default). It is also how long a dead instance's open transaction can hold back readers when a new instance
     * starts on a fresh state directory (one on the same directory takes over at once: same transactional id).
     */
    public static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(10);
    /** How long a stream thread may spend between polls, e.g. waiting for ClickHouse, before it leaves its group. */
    public static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(10);

    /** Kafka's allow-list of URLs its OAuth code may call (default: none). */
    static final String ALLOWED_URLS_PROPERTY = "org.apache.kafka.sasl.oauthbearer.allowed.urls";

    private KafkaSettings() {
    }

    /**
     * @param s the settings
     * @param deadLetters counts the records dead-lettered
     * @return the Kafka Streams properties
     */
    public static Properties streams(ProcessorSettings s, AtomicLong deadLetters) {
        Properties p = new Properties();
        p.putAll(clients(s));
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, s.applicationId());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, s.threads());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, s.commitInterval().toMillis());
        p.put(StreamsConfig.STATE_DIR_CONFIG, s.stateDir().toString());
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        p.put(DeadLetterHandler.TOPICS_CONFIG, Topologies.deadLetterTopics(s));
        p.put(DeadLetterHandler.COUNTER_CONFIG, deadLetters);
        // The coming default (Kafka 5.0); there is no global table here, it only keeps a start-up warning away.
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), (int) TRANSACTION_TIMEOUT.toMillis());
        p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG), (int) MAX_POLL_INTERVAL.toMillis());
        if (s.instanceId() != null) {
            // Static membership: a restarted instance takes its partitions back at once, without a rebalance.
            p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), s.instanceId());
        }
        return p;
    }

    /**
     * @param s the settings
     * @return what every Kafka client of the processors needs: the brokers and, on a secured bus, the login
     */
    public static Map<String, Object> clients(ProcessorSettings s) {
        return clients(s.bootstrap(), s.tokenUrl(), s.servicesClientId(), s.servicesClientSecret());
    }

    /**
     * @param bootstrap the brokers
     * @param tokenUrl the OAuth token endpoint, or null on a bus without logins
     * @param clientId the OAuth client the application logs in as
     * @param clientSecret its secret
     * @return what every Kafka client of a bus application needs: the brokers and, on a secured bus, the login
     */
    public static Map<String, Object> clients(String bootstrap, String tokenUrl, String clientId, String clientSecret) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        if (tokenUrl == null) {
            return p;
        }
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        p.put(SaslConfigs.SASL_MECHANISM, "OAUTHBEARER");
        p.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ;");
        p.put(SaslConfigs.SASL_LOGIN_CALLBACK_HANDLER_CLASS,
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler");
        p.put(SaslConfigs.SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL, tokenUrl);
        p.put("sasl.oauthbearer.client.credentials.client.id", clientId);
        p.put("sasl.oauthbearer.client.credentials.client.secret", new Password(clientSecret));
        // Keycloak's tokens live 5 minutes, exactly Kafka's default refresh buffer: refresh well before expiry.
        p.put(SaslConfigs.SASL_LOGIN_REFRESH_BUFFER_SECONDS, (short) 60);
        p.put(SaslConfigs.SASL_LOGIN_REFRESH_MIN_PERIOD_SECONDS, (short) 30);
        allowUrl(tokenUrl);
        return p;
    }

    /** Adds a URL to Kafka's allow-list of OAuth URLs (a JVM-wide system property), keeping what is there. */
    static synchronized void allowUrl(String url) {
        Set<String> urls = new LinkedHashSet<>(Arrays.asList(System.getProperty(ALLOWED_URLS_PROPERTY, "").split(",")));
        urls.remove("");
        if (urls.add(url)) {
            System.setProperty(ALLOWED_URLS_PROPERTY, String.join(",", urls));
        }
    }
}

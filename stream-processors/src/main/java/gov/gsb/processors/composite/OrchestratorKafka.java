package gov.gsb.processors.composite;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The orchestrator's Kafka settings: exactly-once v2, a short commit interval (a step request reaches its service only
 * once committed), no record cache, and on a secured bus the OAUTHBEARER client-credentials login of its own client.
 */
final class OrchestratorKafka {

    private static final String ALLOWED_URLS = "org.apache.kafka.sasl.oauthbearer.allowed.urls";

    private OrchestratorKafka() {
    }

    static Properties streams(OrchestratorSettings s) {
        Properties p = new Properties();
        p.putAll(clients(s));
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, s.applicationId());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, s.threads());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, s.commitInterval().toMillis());
        p.put(StreamsConfig.STATE_DIR_CONFIG, s.stateDir().toString());
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
        p.put(StreamsConfig.POLL_MS_CONFIG, 10L); // wake up often: punctuations (timeouts) and commits are due between polls
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // Kafka Streams' own default for exactly-once is linger.ms=100: every step would wait for it.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 0);
        p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 50);
        if (s.instanceId() != null) {
            p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), s.instanceId());
        }
        return p;
    }

    static Map<String, Object> clients(OrchestratorSettings s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, s.bootstrap());
        if (s.tokenUrl() == null) {
            return p;
        }
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        p.put(SaslConfigs.SASL_MECHANISM, "OAUTHBEARER");
        p.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ;");
        p.put(SaslConfigs.SASL_LOGIN_CALLBACK_HANDLER_CLASS,
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler");
        p.put(SaslConfigs.SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL, s.tokenUrl());
        p.put("sasl.oauthbearer.client.credentials.client.id", s.clientId());
        p.put("sasl.oauthbearer.client.credentials.client.secret", new Password(s.clientSecret()));
        // Keycloak's tokens live 5 minutes, exactly Kafka's default refresh buffer: refresh well before expiry.
        p.put(SaslConfigs.SASL_LOGIN_REFRESH_BUFFER_SECONDS, (short) 60);
        p.put(SaslConfigs.SASL_LOGIN_REFRESH_MIN_PERIOD_SECONDS, (short) 30);
        allowUrl(s.tokenUrl());
        return p;
    }

    /** Adds a URL to Kafka's allow-list of OAuth URLs (a JVM-wide system property), keeping what is there. */
    private static synchronized void allowUrl(String url) {
        Set<String> urls = new LinkedHashSet<>(Arrays.asList(System.getProperty(ALLOWED_URLS, "").split(",")));
        urls.remove("");
        if (urls.add(url)) {
            System.setProperty(ALLOWED_URLS, String.join(",", urls));
        }
    }
}

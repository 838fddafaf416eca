package gov.gsb.processors.composite;

import gov.gsb.processors.internal.KafkaSettings;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The orchestrator's Kafka settings: exactly-once v2, a short commit interval (a step request reaches its service only
 * once committed), no record cache, and on a secured bus the OAUTHBEARER client-credentials login of its own client.
 */
final class OrchestratorKafka {

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
        return KafkaSettings.clients(s.bootstrap(), s.tokenUrl(), s.clientId(), s.clientSecret());
    }
}

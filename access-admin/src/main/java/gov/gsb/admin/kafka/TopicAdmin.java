package gov.gsb.admin.kafka;

import gov.gsb.admin.GsbConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Creates and configures topics through Kafka's Admin API. A topic that exists already is adopted: its settings
 * are set to the wanted ones and its partitions grown if it has fewer (Kafka cannot remove partitions).
 */
@ApplicationScoped
public class TopicAdmin {

    private static final Logger LOG = Logger.getLogger(TopicAdmin.class);

    private final KafkaClients kafka;
    private final GsbConfig config;

    @Inject
    public TopicAdmin(KafkaClients kafka, GsbConfig config) {
        this.kafka = kafka;
        this.config = config;
    }

    /**
     * Creates the topic, or brings an existing one to these settings.
     *
     * @param name the topic
     * @param partitions its partitions (an existing topic with more keeps them)
     * @param configs topic settings, e.g. {@code retention.ms}
     */
    public void ensure(String name, int partitions, Map<String, String> configs) {
        NewTopic topic = new NewTopic(name, Optional.of(partitions), config.topics().replicationFactor()).configs(configs);
        try {
            await(kafka.admin().createTopics(List.of(topic)).all());
            LOG.infof("created topic %s (%d partitions, %s)", name, partitions, configs);
        } catch (TopicExistsException e) {
            adjust(name, partitions, configs);
        }
    }

    /** Creates the topic if it does not exist; an existing one is left as it is (it may be another's). */
    public void createIfMissing(String name, int partitions, Map<String, String> configs) {
        try {
            await(kafka.admin().createTopics(List.of(
                    new NewTopic(name, Optional.of(partitions), config.topics().replicationFactor()).configs(configs))).all());
            LOG.infof("created topic %s (%d partitions)", name, partitions);
        } catch (TopicExistsException e) {
            LOG.debugf("topic %s exists", name);
        }
    }

    /**
     * Grows a topic's partitions to {@code partitions} and sets {@code configs} on it.
     *
     * @throws org.apache.kafka.common.errors.UnknownTopicOrPartitionException if it does not exist
     */
    public void adjust(String name, int partitions, Map<String, String> configs) {
        TopicDescription described = await(kafka.admin().describeTopics(List.of(name)).allTopicNames()).get(name);
        if (described.partitions().size() < partitions) {
            await(kafka.admin().createPartitions(Map.of(name, NewPartitions.increaseTo(partitions))).all());
            LOG.infof("grew topic %s from %d to %d partitions", name, described.partitions().size(), partitions);
        }
        if (!configs.isEmpty()) {
            List<AlterConfigOp> ops = configs.entrySet().stream()
                    .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET)).toList();
            await(kafka.admin().incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, name), ops)).all());
        }
    }

    /** The settings of a service's topic: how long it keeps messages. */
    public static Map<String, String> retention(long retentionMs) {
        return Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs));
    }

    /** The settings of a compacted table topic: the latest record per key is kept, forever. */
    public static Map<String, String> compacted() {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    }

    /**
     * Waits for an Admin API result, within the configured timeout.
     *
     * @throws KafkaException the call's own failure (e.g. {@code TopicExistsException}), or a
     *         {@link TimeoutException} (retriable)
     */
    <T> T await(KafkaFuture<T> future) {
        return await(future, kafka.timeout().toMillis());
    }

    /** Waits for a Kafka future, unwrapping its failure into the Kafka exception it carries. */
    public static <T> T await(KafkaFuture<T> future, long timeoutMs) {
        try {
            return future.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new TimeoutException("Kafka did not answer within " + timeoutMs + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof KafkaException ke) {
                throw ke;
            }
            throw new KafkaException(e.getCause());
        }
    }
}

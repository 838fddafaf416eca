package gov.gsb.processors.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far behind the processors are, per input partition: the offset committed by the Streams transaction (which
 * moves only once ClickHouse has the rows) against the partition's end (the last stable offset, as a read-committed
 * reader sees it). Asks the brokers each time; the application's own view could be stale.
 */
public final class LagReport implements Status.LagSource {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /**
     * One partition's lag.
     *
     * @param topic the topic
     * @param partition the partition
     * @param committed the next offset to read as committed, or null when nothing was committed yet
     * @param end the partition's end
     */
    public record PartitionLag(String topic, int partition, Long committed, long end) {
        /** @return records not yet committed (a transaction marker may count as one) */
        public long lag() {
            return Math.max(0, end - (committed == null ? 0 : committed));
        }
    }

    private final Admin admin;
    private final String group;
    private final Collection<String> inputTopics;

    /**
     * @param admin the admin client
     * @param group the Kafka Streams application id
     * @param inputTopics the source topics (their partitions are listed even before a first commit)
     */
    public LagReport(Admin admin, String group, Collection<String> inputTopics) {
        this.admin = admin;
        this.group = group;
        this.inputTopics = List.copyOf(inputTopics);
    }

    /** @return every input and repartition partition's lag, sorted by topic and partition */
    @Override
    public List<PartitionLag> partitions() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        TreeSet<TopicPartition> partitions = new TreeSet<>(Comparator.comparing(TopicPartition::topic)
                .thenComparingInt(TopicPartition::partition));
        partitions.addAll(committed.keySet());
        for (TopicDescription d : admin.describeTopics(inputTopics).allTopicNames()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).values()) {
            d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition())));
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        List<PartitionLag> lags = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata c = committed.get(tp);
            lags.add(new PartitionLag(tp.topic(), tp.partition(), c == null ? null : c.offset(), ends.get(tp).offset()));
        }
        return lags;
    }
}

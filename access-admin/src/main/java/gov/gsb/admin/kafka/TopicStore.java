package gov.gsb.admin.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * A key-value table kept in a compacted Kafka topic: the latest record per key is the entry, a tombstone removes it.
 * {@link #start()} reads the topic from its beginning to its end into memory; then a thread follows it, so that
 * every instance that reads the topic sees every write, its own and others'. {@link #put} returns once the write
 * is acknowledged by the brokers <em>and</em> read back into this instance's table (read your writes).
 *
 * <p>This is the whole database of access-admin: the topic is replicated like any other, survives restarts, and
 * needs nothing else to run.
 *
 * @param <V> the values' type: a generated Avro class, or the text of a definition
 */
public final class TopicStore<V> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TopicStore.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final String topic;
    private final Producer<String, ? super V> producer;
    private final Consumer<String, V> consumer;
    private final Duration timeout;
    private final Map<String, V> entries = new ConcurrentHashMap<>();
    private final Map<Integer, Long> positions = new HashMap<>(); // guarded by this: next offset to apply
    private volatile boolean running;
    private Thread follower;

    /**
     * @param topic the compacted topic
     * @param producer writes the records
     * @param consumer reads them; the store owns and closes it
     * @param timeout how long loading, a write, or waiting for a write to be read back may take
     */
    public TopicStore(String topic, Producer<String, ? super V> producer, Consumer<String, V> consumer, Duration timeout) {
        this.topic = topic;
        this.producer = producer;
        this.consumer = consumer;
        this.timeout = timeout;
    }

    /**
     * Reads the topic to its end, then follows it in a thread of its own.
     *
     * @throws IllegalStateException if the topic cannot be read to its end within the timeout
     */
    public void start() {
        ContextLoader.run(this::load);
        running = true;
        follower = new Thread(() -> ContextLoader.run(this::follow), "gsb-store-" + topic);
        follower.setDaemon(true);
        follower.start();
        LOG.infof("loaded %d entries from %s", entries.size(), topic);
    }

    private void load() {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached(end)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
            }
            pollOnce();
        }
    }

    /** The entry of a key. */
    public Optional<V> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Every entry, unordered; a copy. */
    public List<V> values() {
        return List.copyOf(entries.values());
    }

    /**
     * Writes an entry and waits until this instance has read it back.
     *
     * @param key the key
     * @param value the value; null removes the key (a tombstone)
     * @throws IllegalStateException if the write or reading it back failed or timed out (the write may have
     *         happened: the topic decides)
     */
    public void put(String key, V value) {
        RecordMetadata written;
        try {
            written = send(producer, key, value).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("could not write " + key + " to " + topic + ": " + cause.getMessage(), cause);
        }
        awaitApplied(written.partition(), written.offset());
    }

    private <T> java.util.concurrent.Future<RecordMetadata> send(Producer<String, T> p, String key, T value) {
        return p.send(new ProducerRecord<>(topic, key, value));
    }

    private synchronized void awaitApplied(int partition, long offset) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (positions.getOrDefault(partition, 0L) <= offset) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !running) {
                throw new IllegalStateException("wrote " + topic + "@" + offset + " but did not read it back within " + timeout);
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading back " + topic, e);
            }
        }
    }

    private synchronized boolean reached(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> positions.getOrDefault(e.getKey().partition(), 0L) >= e.getValue());
    }

    private void pollOnce() {
        try {
            for (ConsumerRecord<String, V> r : consumer.poll(POLL)) {
                if (r.value() == null) {
                    entries.remove(r.key());
                } else {
                    entries.put(r.key(), r.value());
                }
            }
        } catch (RecordDeserializationException e) {
            // A record that is not ours would stop the table for good: skip it, loudly.
            LOG.errorf(e, "skipping %s@%d: it does not decode", e.topicPartition(), e.offset());
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
        synchronized (this) {
            for (TopicPartition tp : consumer.assignment()) {
                positions.put(tp.partition(), consumer.position(tp));
            }
            notifyAll();
        }
    }

    private void follow() {
        while (running) {
            try {
                pollOnce();
            } catch (WakeupException e) {
                return;
            } catch (KafkaException | IllegalStateException e) {
                // A broker away or a record that does not decode: log it and go on, the next poll may do better.
                LOG.errorf(e, "following %s failed, retrying in a second", topic);
                sleepQuietly();
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        if (follower != null) {
            try {
                follower.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        consumer.close(Duration.ofSeconds(5));
    }
}

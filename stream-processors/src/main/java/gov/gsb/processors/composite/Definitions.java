package gov.gsb.processors.composite;

import gov.gsb.composites.CompositeDefinition;
import gov.gsb.composites.DefinitionTopic;
import gov.gsb.composites.InvalidDefinitionException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered composites, every version, as read from {@link DefinitionTopic#TOPIC} (key {@code service@version}).
 * New calls run on a composite's highest version; a call in progress finishes on the version it started with.
 * Thread-safe: the reader fills it, the stream threads look up.
 */
public final class Definitions {

    private static final Logger LOG = LoggerFactory.getLogger(Definitions.class);

    private final Map<String, TreeMap<Integer, CompositeDefinition>> byService = new ConcurrentHashMap<>();

    /** @param d a definition (added or replacing the same version) */
    public void put(CompositeDefinition d) {
        byService.compute(d.service(), (s, versions) -> {
            TreeMap<Integer, CompositeDefinition> v = versions == null ? new TreeMap<>() : new TreeMap<>(versions);
            v.put(d.version(), d);
            return v;
        });
    }

    /** @param service a composite @param version one of its versions, removed (a tombstone) */
    void remove(String service, int version) {
        byService.computeIfPresent(service, (s, versions) -> {
            TreeMap<Integer, CompositeDefinition> v = new TreeMap<>(versions);
            v.remove(version);
            return v.isEmpty() ? null : v;
        });
    }

    /** @return the highest version of a composite */
    public Optional<CompositeDefinition> latest(String service) {
        TreeMap<Integer, CompositeDefinition> v = byService.get(service);
        return v == null ? Optional.empty() : Optional.of(v.lastEntry().getValue());
    }

    /** @return one version of a composite */
    public Optional<CompositeDefinition> version(String service, int version) {
        TreeMap<Integer, CompositeDefinition> v = byService.get(service);
        return Optional.ofNullable(v == null ? null : v.get(version));
    }

    /** @return every version of every composite */
    public List<CompositeDefinition> all() {
        return byService.values().stream().flatMap(v -> v.values().stream()).toList();
    }

    /** @return the composites' names */
    public Set<String> services() {
        return byService.keySet().stream().collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Reads the definitions topic from its start up to its end as of now. The consumer is assigned, not subscribed (no
     * group): each orchestrator instance reads all of it.
     *
     * @param consumer a consumer of byte arrays, assigned here
     * @param topic the definitions topic
     * @param timeout how long to wait for the broker
     * @return this, filled
     */
    public Definitions load(Consumer<byte[], byte[]> consumer, String topic, Duration timeout) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            LOG.warn("there is no topic {}: no composite is registered yet", topic);
            return this;
        }
        List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!caughtUp(consumer, end) && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(this::apply);
        }
        return this;
    }

    private static boolean caughtUp(Consumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /** Applies one record of the definitions topic; a record that is not a definition is skipped, with a warning. */
    void apply(ConsumerRecord<byte[], byte[]> r) {
        String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
        int at = key.lastIndexOf('@');
        if (r.value() == null) {
            if (at > 0) {
                remove(key.substring(0, at), Integer.parseInt(key.substring(at + 1)));
            }
            return;
        }
        try {
            put(DefinitionTopic.read(r.value()));
        } catch (InvalidDefinitionException | NumberFormatException e) {
            LOG.warn("skipping {} at {}-{}@{}: not a composite definition ({})", key, r.topic(), r.partition(), r.offset(),
                    e.getMessage());
        }
    }

    /** @return every service the composites call, steps and compensations */
    public Set<String> components() {
        List<String> names = new ArrayList<>();
        for (CompositeDefinition d : all()) {
            d.steps().forEach(s -> {
                names.add(s.service());
                if (s.compensation() != null) {
                    names.add(s.compensation().service());
                }
            });
        }
        return Set.copyOf(names);
    }
}

package gov.gsb.admin.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import gov.gsb.admin.GsbConfig;
import gov.gsb.admin.kafka.ContextLoader;
import gov.gsb.admin.kafka.KafkaClients;
import gov.gsb.admin.model.AuditView;
import gov.gsb.admin.model.Page;
import gov.gsb.bus.AuditEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Reads the audit trail back from {@code gsb.audit}, newest first: the topic is the only store. A page is found by
 * reading each partition backwards in chunks from its end until enough events match, so recent pages (what people
 * look at) cost a few small reads however long the trail is. Queries take turns on one consumer.
 */
@ApplicationScoped
public class AuditTrail {

    private static final int CHUNK = 500;
    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaClients kafka;
    private final String topic;
    private final ObjectMapper json;
    private Consumer<String, AuditEvent> consumer;

    @Inject
    public AuditTrail(KafkaClients kafka, GsbConfig config, ObjectMapper json) {
        this.kafka = kafka;
        this.topic = config.topics().audit();
        this.json = json;
    }

    /**
     * Which events a query wants; null fields match anything.
     *
     * @param actor who acted (exact)
     * @param targetType what kind of object (exact)
     * @param targetId which object (exact)
     * @param action what was done (exact, e.g. {@code grant.create})
     */
    public record Filter(String actor, String targetType, String targetId, String action) implements Predicate<AuditEvent> {
        @Override
        public boolean test(AuditEvent e) {
            return matches(actor, e.getActor()) && matches(targetType, e.getTargetType())
                    && matches(targetId, e.getTargetId()) && matches(action, e.getAction());
        }

        private static boolean matches(String wanted, String value) {
            return wanted == null || wanted.isBlank() || wanted.equals(value);
        }
    }

    /**
     * One page of the matching events, newest first.
     *
     * @param filter which events
     * @param page the page, from 0
     * @param size events per page
     * @return the page
     */
    public synchronized Page<AuditView> page(Filter filter, int page, int size) {
        return ContextLoader.call(() -> read(filter, page, size));
    }

    private Page<AuditView> read(Filter filter, int page, int size) {
        int wanted = (page + 1) * size + 1; // one more, to tell whether a next page exists
        Consumer<String, AuditEvent> c = consumer();
        List<TopicPartition> partitions = c.partitionsFor(topic, kafka.timeout()).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, Long> begin = c.beginningOffsets(partitions, kafka.timeout());
        Map<TopicPartition, Long> end = c.endOffsets(partitions, kafka.timeout());
        List<AuditEvent> found = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            found.addAll(newestMatching(c, tp, begin.get(tp), end.get(tp), filter, wanted));
        }
        found.sort(Comparator.comparing(AuditEvent::getAt).reversed());
        int from = Math.min(page * size, found.size());
        int to = Math.min(from + size, found.size());
        return new Page<>(found.subList(from, to).stream().map(this::view).toList(), page, size, found.size() > to);
    }

    private List<AuditEvent> newestMatching(Consumer<String, AuditEvent> c, TopicPartition tp, long begin, long end,
            Predicate<AuditEvent> filter, int wanted) {
        List<AuditEvent> newestFirst = new ArrayList<>();
        for (long hi = end; hi > begin && newestFirst.size() < wanted; hi = Math.max(begin, hi - CHUNK)) {
            List<AuditEvent> chunk = read(c, tp, Math.max(begin, hi - CHUNK), hi);
            for (int i = chunk.size() - 1; i >= 0 && newestFirst.size() < wanted; i--) {
                if (filter.test(chunk.get(i))) {
                    newestFirst.add(chunk.get(i));
                }
            }
        }
        return newestFirst;
    }

    /** The events at offsets [from, to) of one partition, in offset order. */
    private List<AuditEvent> read(Consumer<String, AuditEvent> c, TopicPartition tp, long from, long to) {
        c.assign(List.of(tp));
        c.seek(tp, from);
        List<AuditEvent> events = new ArrayList<>();
        long deadline = System.nanoTime() + kafka.timeout().toNanos();
        while (c.position(tp) < to) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("could not read " + tp + " [" + from + ", " + to + ") within " + kafka.timeout());
            }
            try {
                for (ConsumerRecord<String, AuditEvent> r : c.poll(POLL)) {
                    if (r.offset() < to && r.value() != null) {
                        events.add(r.value());
                    }
                }
            } catch (RecordDeserializationException e) {
                c.seek(e.topicPartition(), e.offset() + 1); // not an audit event: not ours to show
            }
        }
        return events;
    }

    private AuditView view(AuditEvent e) {
        return new AuditView(e.getEventId(), e.getAt(), e.getActor(), e.getActorRoles(), e.getClientIp(), e.getUserAgent(),
                e.getAction(), e.getTargetType(), e.getTargetId(), parse(e.getBefore()), parse(e.getAfter()),
                e.getOutcome().name(), e.getReason());
    }

    private JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }

    private Consumer<String, AuditEvent> consumer() {
        if (consumer == null) {
            consumer = kafka.consumer(AuditEvent.class);
        }
        return consumer;
    }

    @PreDestroy
    synchronized void close() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}

package gov.gsb.consumer;

import gov.gsb.bus.CallRecord;
import gov.gsb.devstack.RegistryServer;
import gov.gsb.devstack.junit.InJvmKafka;
import gov.gsb.producer.GsbPublisher;
import gov.gsb.sdk.GsbAvroDeserializer;
import gov.gsb.sdk.SchemaRegistry;
import gov.gsb.sdk.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A bus for one test: unique agency names, the topics an administrator would create for them,
 * SDK clients pointed at the real broker and registry, and a reader of the CallRecords.
 */
final class TestBus {

    static final String CALLS = "gsb.calls";

    final InJvmKafka kafka;
    final RegistryServer registry;
    private final SchemaRegistry schemas;

    TestBus(InJvmKafka kafka, RegistryServer registry) {
        this.kafka = kafka;
        this.registry = registry;
        this.schemas = SchemaRegistry.http(registry.ccompatUrl());
        createTopics(3, CALLS);
    }

    /** @return an agency name no other test uses */
    static String agency(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    void createTopics(int partitions, String... topics) {
        try (Admin admin = kafka.admin()) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not create " + Arrays.toString(topics) + ": " + e, e);
        }
    }

    /** Creates an event service's topic and the subscriber's dead-letter topic. */
    void eventService(Service service, String subscriberAgency) {
        createTopics(3, service.topic(), service.deadLetterTopic(subscriberAgency));
    }

    /** Creates a two-way service's requests topic, the requester's reply topic and dead letters. */
    void twoWayService(Service service, String requesterAgency) {
        createTopics(3, service.requestsTopic(), service.replyTopic(requesterAgency),
                service.deadLetterTopic(service.provider()));
    }

    GsbPublisher publisher(String agency) {
        return GsbPublisher.builder()
                .bootstrapServers(kafka.bootstrapServers())
                .agency(agency)
                .registryUrl(registry.ccompatUrl())
                .autoRegisterSchemas(true)
                .build();
    }

    GsbSubscriber.Builder subscriber(String agency) {
        return GsbSubscriber.builder()
                .bootstrapServers(kafka.bootstrapServers())
                .agency(agency)
                .registryUrl(registry.ccompatUrl())
                .autoRegisterSchemas(true)
                .retries(2, Duration.ofMillis(50));
    }

    /** Reads a topic from the start until {@code expected} records matched or 30 s passed. */
    List<ConsumerRecord<byte[], byte[]>> read(String topic, int expected) {
        Properties p = kafka.clientProperties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(found::add);
            }
        }
        return found;
    }

    /** The CallRecords that match, waiting until {@code expected} of them arrived (or 30 s passed). */
    List<CallRecord> callRecords(Predicate<CallRecord> which, int expected) {
        Properties p = kafka.clientProperties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-calls-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<CallRecord> found = new ArrayList<>();
        try (GsbAvroDeserializer<CallRecord> d = new GsbAvroDeserializer<>(schemas, CallRecord.class);
             KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(CALLS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    CallRecord record = d.deserialize(r.topic(), r.value());
                    if (which.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    static Map<String, String> headers(ConsumerRecord<byte[], byte[]> r) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        r.headers().forEach(h -> m.put(h.key(), new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
        return m;
    }
}

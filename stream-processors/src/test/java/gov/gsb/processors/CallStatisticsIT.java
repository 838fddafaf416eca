package gov.gsb.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.gsb.bus.AuditEvent;
import gov.gsb.devstack.ClickHouseServer;
import gov.gsb.devstack.RegistryServer;
import gov.gsb.devstack.junit.InJvmKafka;
import gov.gsb.devstack.junit.RealServers;
import gov.gsb.schemas.Samples;
import gov.gsb.sdk.GsbAvroSerializer;
import gov.gsb.sdk.GsbHeaders;
import gov.gsb.sdk.SchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Calls made through the SDKs reach the call log and the rollups exactly; audit events and dead letters too. */
@ExtendWith(RealServers.class)
class CallStatisticsIT {

    private static final int EVENTS = 300;
    private static final int REQUESTS = 70;
    private static final int TIMEOUTS = 3;

    @Test
    void shouldCountEveryCallExactlyInTheCallLogAndTheRollups(InJvmKafka kafka, RegistryServer registry,
                                                               ClickHouseServer clickhouse) throws Exception {
        StatsBus bus = new StatsBus(kafka, registry, clickhouse);
        Set<String> providers;
        try (StreamProcessors processors = bus.startProcessors(); Traffic traffic = new Traffic(bus)) {
            traffic.run(EVENTS, REQUESTS, TIMEOUTS);
            traffic.awaitDeliveries(EVENTS);
            traffic.close();
            providers = traffic.providers();
            Map<StatsBus.Key, StatsBus.Counts> truth = bus.truth(providers);
            assertThat(truth.values().stream().mapToLong(StatsBus.Counts::calls).sum())
                    .as("publishes, two deliveries each, requests and timeouts, replies")
                    .isEqualTo(EVENTS * 3L + REQUESTS * 2L + TIMEOUTS);
            assertThat(truth.keySet()).extracting(StatsBus.Key::outcome).contains("SUCCESS", "FAILURE", "TIMEOUT");

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(bus.callLog(providers)).isEqualTo(truth);
                assertThat(bus.rollups(providers)).isEqualTo(truth);
            });
            assertThat(StatsBus.get(processors.port(), "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void shouldLoadAuditEventsAndDeadLetterWhatCannotBeRead(InJvmKafka kafka, RegistryServer registry,
                                                             ClickHouseServer clickhouse) throws Exception {
        StatsBus bus = new StatsBus(kafka, registry, clickhouse);
        String actor = "admin-" + UUID.randomUUID().toString().substring(0, 8);
        try (StreamProcessors processors = bus.startProcessors();
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.clientProperties(),
                     new ByteArraySerializer(), new ByteArraySerializer());
             GsbAvroSerializer<AuditEvent> serializer = new GsbAvroSerializer<>(SchemaRegistry.http(registry.ccompatUrl()), true)) {
            for (int i = 0; i < 5; i++) {
                AuditEvent e = AuditEvent.newBuilder((AuditEvent) Samples.of(AuditEvent.class).orElseThrow())
                        .setEventId(UUID.randomUUID().toString()).setActor(actor).build();
                producer.send(new ProducerRecord<>(StatsBus.AUDIT, serializer.serialize(StatsBus.AUDIT, e))).get();
            }
            RecordMetadata poison = producer.send(new ProducerRecord<>(StatsBus.CALLS, "poison".getBytes(StandardCharsets.UTF_8),
                    ("not a call record " + actor).getBytes(StandardCharsets.UTF_8))).get();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(auditRows(bus, actor)).isEqualTo(5));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(deadLetters(bus, actor))
                    .singleElement().satisfies(headers -> {
                        assertThat(headers).containsEntry(GsbHeaders.DLQ_SOURCE_OFFSET, Long.toString(poison.offset()));
                        assertThat(headers).containsEntry(GsbHeaders.DLQ_CONSUMER_GROUP, bus.applicationId);
                    }));
            assertThat(StatsBus.get(processors.port(), "/health").body()).contains("\"deadLetters\":1");
        }
    }

    private static long auditRows(StatsBus bus, String actor) throws Exception {
        try (Connection c = bus.clickhouse(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count() FROM audit FINAL WHERE actor = '" + actor + "'")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The headers of the dead letters whose value names the actor. */
    private static List<Map<String, String>> deadLetters(StatsBus bus, String actor) {
        return new DeadLetterReader(bus.kafka).read(CallLogTopology.DEAD_LETTERS, actor);
    }
}

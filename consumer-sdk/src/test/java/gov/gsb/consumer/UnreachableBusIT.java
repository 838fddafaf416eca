package gov.gsb.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.gsb.bus.CallRecord;
import gov.gsb.bus.Outcome;
import gov.gsb.devstack.KafkaBroker;
import gov.gsb.devstack.RegistryServer;
import gov.gsb.devstack.junit.RealServers;
import gov.gsb.devstack.junit.TestServers;
import gov.gsb.producer.GsbPublisher;
import gov.gsb.schemas.Samples;
import gov.gsb.sample.poll.PollVoteCast;
import gov.gsb.sdk.BusUnavailableException;
import gov.gsb.sdk.GsbAvroDeserializer;
import gov.gsb.sdk.SchemaRegistry;
import gov.gsb.sdk.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The broker goes away and comes back (the launcher's broker process, stopped and restarted). */
@ExtendWith(RealServers.class)
class UnreachableBusIT {

    @Test
    void shouldKeepTheCallRecordsOfCallsMadeWhileTheBusWasAwayAndSendThemLater(RegistryServer registry) throws Exception {
        KafkaBroker broker = TestServers.startProcess(KafkaBroker::new);
        String agency = TestBus.agency("poll-office");
        Service service = Service.of(agency, "vote-cast");
        Properties client = new Properties();
        client.put("bootstrap.servers", broker.bootstrapServers());
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(service.topic(), 1, (short) 1), new NewTopic("gsb.calls", 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        try (GsbPublisher publisher = GsbPublisher.builder().bootstrapServers(broker.bootstrapServers()).agency(agency)
                .registryUrl(registry.ccompatUrl()).autoRegisterSchemas(true)
                .config("gsb.publish.max.block.ms", 1_000).config("gsb.publish.timeout.ms", 3_000).build()) {
            publisher.publishAndWait(service.name(), "k", Samples.of(PollVoteCast.class).orElseThrow());

            broker.stop();
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> publisher.publishAndWait(service.name(), "k", Samples.of(PollVoteCast.class).orElseThrow()))
                        .isInstanceOf(BusUnavailableException.class);
            }
            broker.start();
            broker.awaitHealthy();

            List<CallRecord> records = readCalls(broker, registry, 4);
            assertThat(records).extracting(CallRecord::getOutcome)
                    .containsExactlyInAnyOrder(Outcome.SUCCESS, Outcome.FAILURE, Outcome.FAILURE, Outcome.FAILURE);
            assertThat(records).filteredOn(r -> r.getOutcome() == Outcome.FAILURE)
                    .allSatisfy(r -> assertThat(r.getErrorCode()).isEqualTo("BUS_UNAVAILABLE"));
        } finally {
            broker.stop();
        }
    }

    private static List<CallRecord> readCalls(KafkaBroker broker, RegistryServer registry, int expected) {
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "calls-reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<CallRecord> found = new ArrayList<>();
        try (var d = new GsbAvroDeserializer<>(SchemaRegistry.http(registry.ccompatUrl()), CallRecord.class);
             KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of("gsb.calls"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(500)).forEach(r -> found.add(d.deserialize(r.topic(), r.value())));
            }
        }
        return found;
    }
}

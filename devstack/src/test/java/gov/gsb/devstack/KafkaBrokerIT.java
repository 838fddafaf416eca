package gov.gsb.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.gsb.devstack.junit.TestServers;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The broker process that {@code ./gsb up} runs, started by the same code. */
class KafkaBrokerIT {

    private static KafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = TestServers.startProcess(KafkaBroker::new);
    }

    @AfterAll
    static void stop() {
        broker.stop();
    }

    @Test
    void shouldDeliverWhatWasProduced() throws Exception {
        Properties client = new Properties();
        client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        String topic = "devstack-process-" + System.nanoTime();
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }

        KafkaRoundTrip.produce(client, topic, 50);

        assertThat(KafkaRoundTrip.consume(client, topic, 50)).hasSize(50).contains("message-0", "message-49");
    }

    @Test
    void shouldNotCreateATopicBecauseAClientMisspeltItsName() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "1500");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("gsb.no-such-service", "v")).get())
                    .hasRootCauseInstanceOf(UnknownTopicOrPartitionException.class)
                    .cause().isInstanceOf(TimeoutException.class).hasMessageContaining("not present in metadata");
        }
    }
}

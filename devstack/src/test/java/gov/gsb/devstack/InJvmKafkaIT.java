package gov.gsb.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.devstack.junit.InJvmKafka;
import gov.gsb.devstack.junit.RealServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealServers.class)
class InJvmKafkaIT {

    @Test
    void shouldDeliverWhatWasProducedInOrder(InJvmKafka kafka) {
        String topic = kafka.createTopic("devstack-injvm", 1);

        KafkaRoundTrip.produce(kafka.clientProperties(), topic, 100);

        assertThat(KafkaRoundTrip.consume(kafka.clientProperties(), topic, 100))
                .hasSize(100)
                .startsWith("message-0", "message-1")
                .endsWith("message-99");
    }
}

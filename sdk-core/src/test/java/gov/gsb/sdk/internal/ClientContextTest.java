package gov.gsb.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.sdk.GsbClientConfig;
import gov.gsb.sdk.SchemaRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

/** {@link ClientContext}: the Kafka settings every SDK client gets. */
class ClientContextTest {

    private static ClientContext context(Map<String, Object> extra) {
        Map<String, Object> m = new HashMap<>(extra);
        m.put(GsbClientConfig.BOOTSTRAP_SERVERS, "127.0.0.1:9092");
        m.put(GsbClientConfig.AGENCY, "tax");
        m.put(GsbClientConfig.CALLS_ENABLED, false);
        return new ClientContext(new GsbClientConfig(m), null, SchemaRegistry.inMemory(), "subscriber");
    }

    @Test
    void shouldReadOnlyCommittedRecordsUnlessTheApplicationSaysOtherwise() {
        try (ClientContext standard = context(Map.of());
             ClientContext uncommitted = context(Map.of("kafka.isolation.level", "read_uncommitted"))) {
            assertThat(standard.consumerProperties("consumer"))
                    .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            assertThat(uncommitted.consumerProperties("consumer"))
                    .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        }
    }
}

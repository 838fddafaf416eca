package gov.gsb.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.gsb.bus.CallRecord;
import gov.gsb.sdk.BusUnavailableException;
import gov.gsb.sdk.GsbAvroSerializer;
import gov.gsb.sdk.GsbHeaders;
import gov.gsb.sdk.SchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * Dead letters in the test driver. It runs these at least once: under exactly-once the driver (4.3.1) drops what a
 * task sends while it deserializes, before any record is processed, so a dead letter would never reach its output
 * topic here. {@code CallStatisticsIT} checks the same under exactly-once against a real broker.
 */
class DeadLetterTest {

    private static TopologyHarness harness() {
        return harness(SchemaRegistry.inMemory());
    }

    private static TopologyHarness harness(SchemaRegistry registry) {
        return new TopologyHarness(registry, Map.of(), Map.of("processing.guarantee", "at_least_once"));
    }

    @Test
    void shouldDeadLetterAnUndecodableCallWithItsHeadersAndGoOn() {
        try (TopologyHarness harness = harness()) {
            RecordHeaders headers = new RecordHeaders();
            headers.add("trace", "t-1".getBytes(StandardCharsets.UTF_8));
            harness.rawCalls.pipeInput(new TestRecord<>("k".getBytes(StandardCharsets.UTF_8),
                    "not avro".getBytes(StandardCharsets.UTF_8), headers));
            harness.send(TestRecords.publish().build());

            var letters = harness.deadLetters(CallLogTopology.DEAD_LETTERS).readRecordsToList();
            assertThat(letters).singleElement().satisfies(letter -> {
                assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
                assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("k");
                assertThat(header(letter, "trace")).isEqualTo("t-1");
                assertThat(header(letter, GsbHeaders.DLQ_ERROR_CODE)).isEqualTo("INVALID_MESSAGE");
                assertThat(header(letter, GsbHeaders.DLQ_SOURCE_TOPIC)).isEqualTo("gsb.calls");
                assertThat(header(letter, GsbHeaders.DLQ_SOURCE_OFFSET)).isEqualTo("0");
                assertThat(header(letter, GsbHeaders.DLQ_CONSUMER_GROUP)).isEqualTo("gsb-stream-processors");
                assertThat(header(letter, GsbHeaders.DLQ_EXCEPTION)).isEqualTo("gov.gsb.sdk.InvalidMessageException");
            });
            assertThat(harness.writer.rows(Table.CALLS)).extracting(CallRow::sourceOffset).containsExactly(1L);
            assertThat(harness.deadLetters.get()).isEqualTo(1);
        }
    }

    @Test
    void shouldDeadLetterARecordOfAnotherContract() {
        try (TopologyHarness harness = harness()) {
            byte[] audit = new GsbAvroSerializer<>(harness.registry, true).serialize("gsb.calls",
                    TestRecords.audit().build());
            harness.rawCalls.pipeInput(audit);

            assertThat(harness.deadLetters(CallLogTopology.DEAD_LETTERS).readRecordsToList()).hasSize(1);
            assertThat(harness.writer.rows(Table.CALLS)).isEmpty();
        }
    }

    @Test
    void shouldDeadLetterAnUndecodableAuditEventToTheAuditDeadLetters() {
        try (TopologyHarness harness = harness()) {
            harness.rawAudit.pipeInput(new byte[] {0, 0, 0, 0, 99, 1, 2});
            harness.audit.pipeInput(TestRecords.audit().build());

            assertThat(harness.deadLetters(AuditTopology.DEAD_LETTERS).readRecordsToList()).hasSize(1);
            assertThat(harness.deadLetters(CallLogTopology.DEAD_LETTERS).isEmpty()).isTrue();
            assertThat(harness.writer.rows(Table.AUDIT)).hasSize(1);
        }
    }

    @Test
    void shouldFailRatherThanDeadLetterWhenTheRegistryIsAway() {
        SchemaRegistry away = new UnreachableRegistry(SchemaRegistry.inMemory());
        try (TopologyHarness harness = harness(away)) {
            byte[] call = new GsbAvroSerializer<CallRecord>(SchemaRegistry.inMemory(), true).serialize("gsb.calls",
                    TestRecords.publish().build());
            harness.stopping.set(true); // else the source would wait for the registry forever

            assertThatThrownBy(() -> harness.rawCalls.pipeInput(call)).hasRootCauseInstanceOf(BusUnavailableException.class);
            assertThat(harness.deadLetters(CallLogTopology.DEAD_LETTERS).isEmpty()).isTrue();
        }
    }

    private static String header(TestRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** A registry whose lookups by id fail as if it could not be reached. */
    private record UnreachableRegistry(SchemaRegistry inner) implements SchemaRegistry {
        @Override
        public int register(String subject, Schema schema) {
            return inner.register(subject, schema);
        }

        @Override
        public int idOf(String subject, Schema schema) {
            return inner.idOf(subject, schema);
        }

        @Override
        public Schema schemaById(int id) {
            throw new BusUnavailableException("the schema registry at http://registry is unreachable", null);
        }

        @Override
        public java.util.Optional<Schema> latest(String subject) {
            return inner.latest(subject);
        }
    }
}

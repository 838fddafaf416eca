package gov.gsb.admin.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.gsb.bus.CallRecord;
import gov.gsb.schemas.Samples;
import gov.gsb.sdk.BusUnavailableException;
import gov.gsb.sdk.GsbAvroSerializer;
import gov.gsb.sdk.SchemaNotRegisteredException;
import gov.gsb.sdk.SchemaRegistry;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The CallRecord contract, registered by access-admin so that production clients (auto-registration off) can record. */
class BusContractsTest {

    private static final String CALLS = "gsb.calls";

    @Test
    void shouldLetAClientWithoutAutoRegistrationRecordItsCallsOnceRegistered() {
        SchemaRegistry registry = SchemaRegistry.inMemory();
        CallRecord record = Samples.callRecord();
        try (GsbAvroSerializer<CallRecord> client = new GsbAvroSerializer<>(registry, false)) {
            assertThatThrownBy(() -> client.serialize(CALLS, record)).isInstanceOf(SchemaNotRegisteredException.class);

            assertThat(new BusContracts(registry, CALLS).ensureRegistered()).isTrue();

            assertThat(client.serialize(CALLS, record)).isNotEmpty();
        }
    }

    @Test
    void shouldTryAgainWhileTheRegistryIsAway() {
        AtomicBoolean away = new AtomicBoolean(true);
        SchemaRegistry real = SchemaRegistry.inMemory();
        SchemaRegistry flaky = new SchemaRegistry() {
            @Override
            public int register(String subject, Schema schema) {
                if (away.get()) {
                    throw new BusUnavailableException("registry unreachable (test)", null);
                }
                return real.register(subject, schema);
            }

            @Override
            public int idOf(String subject, Schema schema) {
                return real.idOf(subject, schema);
            }

            @Override
            public Schema schemaById(int id) {
                return real.schemaById(id);
            }

            @Override
            public Optional<Schema> latest(String subject) {
                return real.latest(subject);
            }
        };
        BusContracts contracts = new BusContracts(flaky, CALLS);

        assertThat(contracts.ensureRegistered()).isFalse();
        away.set(false);

        assertThat(contracts.ensureRegistered()).isTrue();
        assertThat(real.latest(CALLS + "-value")).hasValueSatisfying(
                s -> assertThat(s.getFullName()).isEqualTo(CallRecord.getClassSchema().getFullName()));
    }
}

package gov.gsb.sdk;

import gov.gsb.schemas.Samples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.gsb.bus.CallRecord;
import gov.gsb.schemas.Contracts;
import gov.gsb.sample.civilregistry.AddressChanged;
import gov.gsb.sample.messaging.CitizenMessage;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GsbAvroSerializerTest {

    private static final String TOPIC = "gsb.civilregistry.address-changed";

    private final CountingRegistry registry = CountingRegistry.inMemory();
    private final GsbAvroSerializer<Object> serializer = new GsbAvroSerializer<>(registry, true);

    static Stream<String> contracts() {
        return Contracts.all().stream().map(Contracts.Contract::fullName);
    }

    @Test
    void shouldWriteTheMagicByteTheSchemaIdAndPlainAvro() {
        AddressChanged event = Samples.addressChanged();

        byte[] bytes = serializer.serialize(TOPIC, event);

        int id = registry.idOf(TOPIC + "-value", AddressChanged.getClassSchema());
        assertThat(bytes[0]).isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(TestSchemas.plainAvro(event));
    }

    @Test
    void shouldWriteNullAsNullSoTombstonesSurvive() {
        assertThat(serializer.serialize(TOPIC, null)).isNull();
        assertThat(registry.calls()).isZero();
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void shouldRoundTripEveryContract(String fullName) {
        Contracts.Contract contract = Contracts.find(fullName).orElseThrow();
        SpecificRecord sample = Samples.of(contract.type()).orElseThrow();
        GsbAvroDeserializer<SpecificRecord> deserializer = new GsbAvroDeserializer<>(registry,
                (Class<SpecificRecord>) contract.type());

        byte[] bytes = serializer.serialize("gsb.test." + contract.schema().getName(), sample);

        assertThat(deserializer.deserialize("gsb.test." + contract.schema().getName(), bytes)).isEqualTo(sample);
    }

    @Test
    void shouldRoundTripGenericRecords() {
        GenericRecord event = TestSchemas.asGeneric(Samples.addressChanged(), AddressChanged.getClassSchema());

        byte[] bytes = serializer.serialize(TOPIC, event);
        GenericRecord read = new GsbAvroDeserializer<GenericRecord>(registry).deserialize(TOPIC, bytes);

        assertThat(read.get("changedAt")).isEqualTo(Samples.NOW);
        assertThat(read.get("citizenId")).hasToString("123456782");
        assertThat(read).hasToString(event.toString());
    }

    @Test
    void shouldRegisterKeysUnderTheKeySubject() {
        GsbAvroSerializer<Object> keys = new GsbAvroSerializer<>(registry, true, true);

        keys.serialize(TOPIC, Samples.addressChanged());

        assertThat(registry.latest(TOPIC + "-key")).isPresent();
        assertThat(registry.latest(TOPIC + "-value")).isEmpty();
    }

    @Test
    void shouldRefuseAnUnregisteredSchemaWhenAutoRegisterIsOff() {
        GsbAvroSerializer<Object> strict = new GsbAvroSerializer<>(registry);

        assertThatThrownBy(() -> strict.serialize(TOPIC, Samples.addressChanged()))
                .isInstanceOf(SchemaNotRegisteredException.class).hasMessageContaining(TOPIC + "-value");

        registry.register(TOPIC + "-value", AddressChanged.getClassSchema());
        assertThat(strict.serialize(TOPIC, Samples.addressChanged())).isNotNull();
    }

    @Test
    void shouldNameTheFieldsOfAnIncompatibleSchema() {
        serializer.serialize(TOPIC, Samples.addressChanged());
        GenericRecord v2 = TestSchemas.asGeneric(Samples.addressChanged(),
                TestSchemas.withRequiredField(AddressChanged.getClassSchema(), "district"), "district", "Centre");

        assertThatThrownBy(() -> serializer.serialize(TOPIC, v2)).isInstanceOfSatisfying(
                SchemaIncompatibleException.class, e -> assertThat(e.problems()).singleElement().asString()
                        .contains("'district'", "READER_FIELD_MISSING_DEFAULT_VALUE"));
    }

    @Test
    void shouldAskTheRegistryOncePerTopicAndSchema() {
        for (int i = 0; i < 1_000; i++) {
            serializer.serialize(TOPIC, Samples.addressChanged());
            serializer.serialize("gsb.calls", Samples.callRecord());
        }

        assertThat(registry.registers).hasValue(2);
    }

    @Test
    void shouldMakeNoHttpCallOnTheHotPath() {
        try (FakeRegistryServer server = new FakeRegistryServer()) {
            server.answer(r -> FakeRegistryServer.Answer.of(200, "{\"id\":21}"));
            GsbAvroSerializer<Object> overHttp = new GsbAvroSerializer<>(SchemaRegistry.http(server.url()));

            for (int i = 0; i < 1_000; i++) {
                assertThat(overHttp.serialize(TOPIC, Samples.addressChanged())[4]).isEqualTo((byte) 21);
            }

            assertThat(server.requests).singleElement()
                    .satisfies(r -> assertThat(r.path()).isEqualTo("/subjects/" + TOPIC + "-value"));
        }
    }

    @Test
    void shouldConfigureFromAProducersProperties() {
        try (FakeRegistryServer server = new FakeRegistryServer()) {
            server.answer(r -> FakeRegistryServer.Answer.of(200, "{\"id\":3}"));
            GsbAvroSerializer<Object> configured = new GsbAvroSerializer<>();
            configured.configure(Map.of(GsbAvroSerdeConfig.REGISTRY_URL, server.url(),
                    GsbAvroSerdeConfig.AUTO_REGISTER, "true", "bootstrap.servers", "ignored:9092"), true);

            configured.serialize(TOPIC, Samples.addressChanged());

            assertThat(server.requests.get(0).path()).isEqualTo("/subjects/" + TOPIC + "-key/versions");
        }
    }

    @Test
    void shouldRefuseAValueThatIsNotAnAvroRecord() {
        assertThatThrownBy(() -> serializer.serialize(TOPIC, "hello")).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining(TOPIC).hasMessageContaining("java.lang.String");
    }

    @Test
    void shouldRefuseARecordThatDoesNotFitItsSchemaAndGoOnWithTheNext() {
        GenericRecord incomplete = new GenericData.Record(AddressChanged.getClassSchema()); // citizenId missing

        assertThatThrownBy(() -> serializer.serialize(TOPIC, incomplete)).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining(TOPIC).hasMessageContaining("AddressChanged");

        AddressChanged next = Samples.addressChanged();
        byte[] bytes = serializer.serialize(TOPIC, next);
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(TestSchemas.plainAvro(next));
    }

    @Test
    void shouldEncodeRecordsLargerThanItsBuffer() {
        CitizenMessage big = CitizenMessage.newBuilder((CitizenMessage) Samples.of(CitizenMessage.class)
                .orElseThrow()).setBody("x".repeat(3_000_000)).build();
        GsbAvroDeserializer<CitizenMessage> deserializer = new GsbAvroDeserializer<>(registry, CitizenMessage.class);

        byte[] bytes = serializer.serialize("gsb.messaging.citizen-message", big);

        assertThat(deserializer.deserialize("gsb.messaging.citizen-message", bytes)).isEqualTo(big);
        assertThat(serializer.serialize(TOPIC, Samples.addressChanged())).hasSize(
                5 + TestSchemas.plainAvro(Samples.addressChanged()).length);
    }

    @Test
    void shouldServeManyThreadsAtOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = Stream.<SpecificRecord>of(Samples.addressChanged(),
                            Samples.callRecord(), Samples.addressChanged(), Samples.callRecord())
                    .map(sample -> threads.submit(() -> roundTrips(sample, 2_000))).toList();
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @SuppressWarnings("unchecked")
    private boolean roundTrips(SpecificRecord sample, int times) {
        String topic = "gsb.mixed." + sample.getSchema().getName();
        GsbAvroDeserializer<SpecificRecord> deserializer = new GsbAvroDeserializer<>(registry,
                (Class<SpecificRecord>) sample.getClass());
        for (int i = 0; i < times; i++) {
            if (!sample.equals(deserializer.deserialize(topic, serializer.serialize(topic, sample)))) {
                return false;
            }
        }
        return true;
    }
}

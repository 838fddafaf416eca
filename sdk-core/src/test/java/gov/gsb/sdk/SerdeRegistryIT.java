package gov.gsb.sdk;

import gov.gsb.schemas.Samples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.gsb.devstack.RegistryServer;
import gov.gsb.devstack.junit.RealServers;
import gov.gsb.schemas.Contracts;
import gov.gsb.sample.civilregistry.AddressChanged;
import gov.gsb.sdk.internal.registry.SchemaText;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The serdes and the HTTP registry client against the real Apicurio Registry (BACKWARD), through /apis/ccompat/v7. */
@ExtendWith(RealServers.class)
class SerdeRegistryIT {

    private static final Schema V1 = AddressChanged.getClassSchema();
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> contracts() {
        return Contracts.all().stream().map(Contracts.Contract::fullName);
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void shouldRoundTripEveryContract(String fullName, RegistryServer registry) {
        Contracts.Contract contract = Contracts.find(fullName).orElseThrow();
        SpecificRecord sample = Samples.of(contract.type()).orElseThrow();
        String topic = uniqueTopic(contract.schema().getName());
        SchemaRegistry http = SchemaRegistry.http(registry.ccompatUrl());

        byte[] bytes = new GsbAvroSerializer<>(http, true).serialize(topic, sample);
        byte[] again = new GsbAvroSerializer<>(SchemaRegistry.http(registry.ccompatUrl()), false).serialize(topic, sample);
        Object read = new GsbAvroDeserializer<>(SchemaRegistry.http(registry.ccompatUrl()),
                (Class<SpecificRecord>) contract.type()).deserialize(topic, bytes);

        assertThat(read).isEqualTo(sample);
        assertThat(again).as("found by lookup, without registering: the same id").isEqualTo(bytes);
        assertThat(http.latest(topic + "-value")).hasValueSatisfying(s -> assertThat(s.getFullName()).isEqualTo(fullName));
    }

    @Test
    void shouldReadANewerWritersRecordWithAnOlderClass(RegistryServer registry) {
        String topic = uniqueTopic("address-changed");
        GsbAvroSerializer<Object> serializer = new GsbAvroSerializer<>(SchemaRegistry.http(registry.ccompatUrl()), true);
        serializer.serialize(topic, Samples.addressChanged()); // v1, as released
        GenericRecord newer = TestSchemas.asGeneric(Samples.addressChanged(),
                TestSchemas.withOptionalField(V1, "district"));
        newer.put("district", "Centre");

        byte[] bytes = serializer.serialize(topic, newer);
        AddressChanged read = new GsbAvroDeserializer<>(SchemaRegistry.http(registry.ccompatUrl()), AddressChanged.class)
                .deserialize(topic, bytes);

        assertThat(read).isEqualTo(Samples.addressChanged());
    }

    @Test
    void shouldReadAnOlderWritersRecordWithANewerClass(RegistryServer registry) {
        String topic = uniqueTopic("address-changed");
        GsbAvroSerializer<Object> serializer = new GsbAvroSerializer<>(SchemaRegistry.http(registry.ccompatUrl()), true);
        GenericRecord older = TestSchemas.asGeneric(Samples.addressChanged(), TestSchemas.withoutField(V1, "oldAddress"));
        byte[] bytes = serializer.serialize(topic, older);
        serializer.serialize(topic, Samples.addressChanged()); // v2 registers after it: compatible

        AddressChanged read = new GsbAvroDeserializer<>(SchemaRegistry.http(registry.ccompatUrl()), AddressChanged.class)
                .deserialize(topic, bytes);

        assertThat(read.getOldAddress()).isNull();
        assertThat(read.getNewAddress()).isEqualTo(Samples.addressChanged().getNewAddress());
    }

    @Test
    void shouldRefuseAnIncompatibleSchemaNamingTheField(RegistryServer registry) {
        String topic = uniqueTopic("address-changed");
        GsbAvroSerializer<Object> serializer = new GsbAvroSerializer<>(SchemaRegistry.http(registry.ccompatUrl()), true);
        serializer.serialize(topic, Samples.addressChanged());
        GenericRecord incompatible = TestSchemas.asGeneric(Samples.addressChanged(),
                TestSchemas.withRequiredField(V1, "district"), "district", "Centre");

        assertThatThrownBy(() -> serializer.serialize(topic, incompatible)).isInstanceOfSatisfying(
                SchemaIncompatibleException.class, e -> {
                    assertThat(e.subject()).isEqualTo(topic + "-value");
                    assertThat(e.problems()).singleElement().asString()
                            .contains("'district'", "READER_FIELD_MISSING_DEFAULT_VALUE");
                    assertThat(e.getCause()).hasMessageContaining("HTTP 409");
                });
    }

    @Test
    void shouldRefuseAnUnregisteredSchemaWhenAutoRegisterIsOff(RegistryServer registry) {
        String topic = uniqueTopic("address-changed");
        GsbAvroSerializer<Object> strict = new GsbAvroSerializer<>(SchemaRegistry.http(registry.ccompatUrl()));

        assertThatThrownBy(() -> strict.serialize(topic, Samples.addressChanged()))
                .isInstanceOf(SchemaNotRegisteredException.class).hasMessageContaining(topic + "-value")
                .hasMessageContaining("gsb.schemas.auto.register=true");

        SchemaRegistry.http(registry.ccompatUrl()).register(topic + "-value", TestSchemas.withoutField(V1, "oldAddress"));
        assertThatThrownBy(() -> strict.serialize(topic, Samples.addressChanged()))
                .as("the subject exists, but holds another version").isInstanceOf(SchemaNotRegisteredException.class);
    }

    @Test
    void shouldFindAContractRegisteredFromItsPrettyPrintedAvscText(RegistryServer registry) throws Exception {
        String topic = uniqueTopic("address-changed");
        // What a person or a tool registering the .avsc file sends: indented, without the Java-only property.
        String avsc = SchemaText.normalised(V1).toString(true);
        HttpResponse<String> registered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(registry.ccompatUrl() + "/subjects/" + topic + "-value/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("schema", avsc)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);

        int id = SchemaRegistry.http(registry.ccompatUrl()).idOf(topic + "-value", V1);

        assertThat(registered.body()).contains("\"id\":" + id);
    }

    @Test
    void shouldRefuseAMessageOfAnUnknownSchemaId(RegistryServer registry) {
        GsbAvroDeserializer<AddressChanged> deserializer = new GsbAvroDeserializer<>(
                SchemaRegistry.http(registry.ccompatUrl()), AddressChanged.class);

        assertThatThrownBy(() -> deserializer.deserialize("gsb.t", new byte[] {0, 0x7f, 0, 0, 1, 2}))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("schema id 2130706433")
                .hasCauseInstanceOf(SchemaNotRegisteredException.class);
    }

    @Test
    void shouldWorkConfiguredFromPropertiesAsInAPlainProducerAndConsumer(RegistryServer registry) {
        String topic = uniqueTopic("address-changed");
        GsbAvroSerializer<Object> serializer = new GsbAvroSerializer<>();
        serializer.configure(Map.of(GsbAvroSerdeConfig.REGISTRY_URL, registry.ccompatUrl(),
                GsbAvroSerdeConfig.AUTO_REGISTER, true), false);
        GsbAvroDeserializer<Object> deserializer = new GsbAvroDeserializer<>();
        deserializer.configure(Map.of(GsbAvroSerdeConfig.REGISTRY_URL, registry.ccompatUrl(),
                GsbAvroSerdeConfig.READER_CLASS, AddressChanged.class), false);

        Object read = deserializer.deserialize(topic, serializer.serialize(topic, Samples.addressChanged()));

        assertThat(read).isEqualTo(Samples.addressChanged());
    }

    private static String uniqueTopic(String name) {
        return "gsb.it-" + UUID.randomUUID().toString().substring(0, 8) + "." + name;
    }
}

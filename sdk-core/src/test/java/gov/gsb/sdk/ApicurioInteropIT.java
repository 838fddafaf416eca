package gov.gsb.sdk;

import gov.gsb.schemas.Samples;
import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.devstack.RegistryServer;
import gov.gsb.devstack.junit.RealServers;
import gov.gsb.sample.civilregistry.AddressChanged;
import io.apicurio.registry.serde.Default4ByteIdHandler;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.IdOption;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.apicurio.registry.serde.kafka.config.KafkaSerdeConfig;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Our serde and Apicurio's own (3.1.7) read each other's messages through the real Apicurio Registry: both write the
 * Confluent wire format, and the id ours gets from /apis/ccompat/v7 is the content id Apicurio's serde uses.
 */
@ExtendWith(RealServers.class)
class ApicurioInteropIT {

    @Test
    void shouldBeReadByApicuriosDeserializer(RegistryServer registry) {
        String topic = uniqueTopic();
        byte[] ours = new GsbAvroSerializer<>(SchemaRegistry.http(registry.ccompatUrl()), true)
                .serialize(topic, Samples.addressChanged());

        try (AvroKafkaDeserializer<AddressChanged> theirs = new AvroKafkaDeserializer<>()) {
            theirs.configure(apicurio(registry), false);

            assertThat(theirs.deserialize(topic, ours)).isEqualTo(Samples.addressChanged());
        }
    }

    @Test
    void shouldReadWhatApicuriosSerializerWrites(RegistryServer registry) {
        String topic = uniqueTopic();
        byte[] theirs;
        try (AvroKafkaSerializer<AddressChanged> serializer = new AvroKafkaSerializer<>()) {
            serializer.configure(apicurio(registry), false);
            theirs = serializer.serialize(topic, Samples.addressChanged());
        }

        AddressChanged read = new GsbAvroDeserializer<>(SchemaRegistry.http(registry.ccompatUrl()), AddressChanged.class)
                .deserialize(topic, theirs);

        assertThat(theirs[0]).as("magic byte").isZero();
        assertThat(SchemaRegistry.http(registry.ccompatUrl()).schemaById(ByteBuffer.wrap(theirs, 1, 4).getInt())
                .getFullName()).isEqualTo(AddressChanged.getClassSchema().getFullName());
        assertThat(read).isEqualTo(Samples.addressChanged());
    }

    /** Apicurio's serde set up for the Confluent wire format; its defaults in 3.1.7 already are, but we say so. */
    private static Map<String, Object> apicurio(RegistryServer registry) {
        Map<String, Object> config = new HashMap<>();
        // Apicurio's serde speaks its own v3 API, not the Confluent-compatible one the SDK uses.
        config.put(SerdeConfig.REGISTRY_URL, registry.ccompatUrl().replace("/apis/ccompat/v7", "/apis/registry/v3"));
        // "apicurio.registry.id-handler": write and read a 4-byte big-endian id after the magic byte, as Confluent
        // does (Legacy8ByteIdHandler would write 8 bytes).
        config.put(SerdeConfig.ID_HANDLER, Default4ByteIdHandler.class.getName());
        // "apicurio.registry.use-id": that id is the content id, which is what /apis/ccompat/v7 hands out as a
        // schema id (globalId would name a version of an artifact instead).
        config.put(SerdeConfig.USE_ID, IdOption.contentId.name());
        // "apicurio.registry.headers.enabled": the id travels in the payload, not in Kafka headers.
        config.put(KafkaSerdeConfig.ENABLE_HEADERS, false);
        // "apicurio.registry.auto-register": its serializer registers the class's schema, as ours with auto-register.
        config.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, true);
        // "apicurio.registry.use-specific-avro-reader": its deserializer returns the generated class, not a GenericRecord.
        config.put(AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
        return config;
    }

    private static String uniqueTopic() {
        return "gsb.interop-" + UUID.randomUUID().toString().substring(0, 8) + ".address-changed";
    }
}

package gov.gsb.sdk;

import gov.gsb.schemas.Samples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.gsb.sample.civilregistry.AddressChanged;
import gov.gsb.sample.poll.PollVoteCast;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;

class GsbAvroDeserializerTest {

    private static final String TOPIC = "gsb.civilregistry.address-changed";
    private static final Schema V1 = AddressChanged.getClassSchema();

    private final CountingRegistry registry = CountingRegistry.inMemory();
    private final GsbAvroSerializer<Object> serializer = new GsbAvroSerializer<>(registry, true);
    private final GsbAvroDeserializer<AddressChanged> deserializer = new GsbAvroDeserializer<>(registry, AddressChanged.class);

    @Test
    void shouldReadNullAsNull() {
        assertThat(deserializer.deserialize(TOPIC, null)).isNull();
        assertThat(deserializer.deserialize(TOPIC, null, (ByteBuffer) null)).isNull();
    }

    @Test
    void shouldRefuseBytesTooShortForTheHeader() {
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0, 0, 1}))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("topic " + TOPIC)
                .hasMessageContaining("3 bytes is too short");
    }

    @Test
    void shouldRefuseBytesWithoutTheMagicByte() {
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, "{\"citizenId\":1}".getBytes()))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("starts with byte 123")
                .hasMessageContaining("not the magic byte 0");
    }

    @Test
    void shouldRefuseAnUnknownSchemaId() {
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0, 0, 0, 0, 99, 2, 'a'}))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("schema id 99")
                .hasMessageContaining("another registry").hasCauseInstanceOf(SchemaNotRegisteredException.class);
    }

    @Test
    void shouldRefuseAPayloadThatDoesNotDecode() {
        byte[] bytes = serializer.serialize(TOPIC, Samples.addressChanged());
        byte[] cut = Arrays.copyOf(bytes, 12);

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, cut)).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("does not decode with schema id").hasMessageContaining("AddressChanged");
    }

    @Test
    void shouldRefuseBytesLeftOverAfterTheRecord() {
        byte[] bytes = serializer.serialize(TOPIC, Samples.addressChanged());
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, longer)).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("left over");
    }

    @Test
    void shouldReadANewerWritersRecordWithAnOlderClass() {
        serializer.serialize(TOPIC, Samples.addressChanged()); // v1 registered first, as in production
        Schema v2 = TestSchemas.withOptionalField(V1, "district");
        GenericRecord newer = TestSchemas.asGeneric(Samples.addressChanged(), v2);
        newer.put("district", "Centre");

        AddressChanged read = deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, newer));

        assertThat(read).isEqualTo(Samples.addressChanged());
    }

    @Test
    void shouldReadAnOlderWritersRecordWithANewerClass() {
        Schema older = TestSchemas.withoutField(V1, "oldAddress");
        GenericRecord old = TestSchemas.asGeneric(Samples.addressChanged(), older);

        AddressChanged read = deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, old));

        assertThat(read.getOldAddress()).as("the newer field's default").isNull();
        assertThat(read.getNewAddress()).isEqualTo(Samples.addressChanged().getNewAddress());
    }

    @Test
    void shouldRefuseAWriterSchemaTheClassCannotRead() {
        byte[] vote = serializer.serialize("gsb.poll.vote-cast", Samples.of(PollVoteCast.class).orElseThrow());

        assertThatThrownBy(() -> deserializer.deserialize("gsb.poll.vote-cast", vote))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("cannot be read as " + AddressChanged.class.getName())
                .hasMessageContaining("PollVoteCast");
    }

    @Test
    void shouldReadGenericRecordsInTheWritersSchema() {
        byte[] bytes = serializer.serialize(TOPIC, Samples.addressChanged());

        GenericRecord read = new GsbAvroDeserializer<GenericRecord>(registry).deserialize(TOPIC, bytes);

        assertThat(read.getSchema().getFullName()).isEqualTo(V1.getFullName());
        assertThat(read.get("citizenId")).isEqualTo(new Utf8("123456782"));
        assertThat(read.get("changedAt")).isEqualTo(Samples.NOW);
        assertThat(read.get("effectiveFrom")).isEqualTo(Samples.addressChanged().getEffectiveFrom());
    }

    @Test
    void shouldReadFromTheMiddleOfAByteBuffer() {
        byte[] bytes = serializer.serialize(TOPIC, Samples.addressChanged());
        byte[] framed = new byte[bytes.length + 10];
        System.arraycopy(bytes, 0, framed, 7, bytes.length);
        ByteBuffer slice = ByteBuffer.wrap(framed, 7, bytes.length).slice();

        assertThat(deserializer.deserialize(TOPIC, null, slice)).isEqualTo(Samples.addressChanged());
        assertThat(deserializer.deserialize(TOPIC, null, slice.asReadOnlyBuffer()))
                .isEqualTo(Samples.addressChanged());
        assertThat(slice.position()).isZero();
    }

    @Test
    void shouldAskTheRegistryOncePerSchemaId() {
        byte[] bytes = serializer.serialize(TOPIC, Samples.addressChanged());

        for (int i = 0; i < 1_000; i++) {
            deserializer.deserialize(TOPIC, bytes);
        }

        assertThat(registry.byIds).hasValue(1);
    }

    @Test
    void shouldTakeTheReaderClassFromAConsumersProperties() {
        GsbAvroDeserializer<Object> configured = new GsbAvroDeserializer<>(registry);
        configured.configure(Map.of(GsbAvroSerdeConfig.READER_CLASS, AddressChanged.class.getName()), false);

        Object read = configured.deserialize(TOPIC, serializer.serialize(TOPIC, Samples.addressChanged()));

        assertThat(read).isEqualTo(Samples.addressChanged());
    }

    @Test
    void shouldRefuseAReaderClassThatIsNotGenerated() {
        assertThatThrownBy(() -> new GsbAvroDeserializer<>(registry, String.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.String");
    }
}

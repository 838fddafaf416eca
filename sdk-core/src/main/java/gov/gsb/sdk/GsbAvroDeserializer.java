package gov.gsb.sdk;

import gov.gsb.sdk.internal.serde.ReaderCache;
import gov.gsb.sdk.internal.serde.WireFormat;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads messages in Confluent's wire format (magic byte {@code 0}, 4-byte schema id, Avro binary), as written by
 * {@link GsbAvroSerializer}, Confluent's or Apicurio's serializers. The writer's schema comes from the registry (once
 * per id); the reader's schema is the application's generated class, so schema evolution works both ways: a class of
 * an older version of the contract reads newer messages (new fields are skipped) and a newer class reads older
 * messages (new fields get their defaults). Without a reader class it returns {@code GenericRecord}s in the writer's
 * schema (logical types as {@code Instant}, {@code LocalDate}, {@code BigDecimal}, {@code UUID}; strings as Avro's
 * {@code Utf8}). {@code null} bytes read as {@code null}.
 *
 * <p>In a plain {@code KafkaConsumer}:
 * <pre>{@code
 * value.deserializer=gov.gsb.sdk.GsbAvroDeserializer
 * gsb.registry.url=http://127.0.0.1:8081/apis/ccompat/v7
 * gsb.avro.reader.class=gov.gsb.sample.civilregistry.AddressChanged
 * }</pre>
 * or programmatically: {@code new GsbAvroDeserializer<>(registry, AddressChanged.class)}. Thread-safe once configured.
 *
 * @param <T> the type read: the reader class, or {@code GenericRecord}
 */
public class GsbAvroDeserializer<T> implements Deserializer<T> {

    private SchemaRegistry registry;
    private Class<?> readerClass;
    private volatile ReaderCache readers;

    /** For Kafka, which creates it from its class name and then calls {@link #configure(Map, boolean)}. */
    public GsbAvroDeserializer() {
    }

    /**
     * A deserializer of {@code GenericRecord}s ({@code new GsbAvroDeserializer<GenericRecord>(registry)}).
     *
     * @param registry where the writers' schemas come from, e.g. {@code SchemaRegistry.http(url)}
     */
    public GsbAvroDeserializer(SchemaRegistry registry) {
        this(registry, null);
    }

    /**
     * @param registry where the writers' schemas come from
     * @param readerClass the generated class to read into; null for {@code GenericRecord}s
     * @throws IllegalArgumentException (fatal) if the class is not a generated Avro class
     */
    public GsbAvroDeserializer(SchemaRegistry registry, Class<T> readerClass) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.readerClass = checkedReaderClass(readerClass);
        this.readers = new ReaderCache(registry, this.readerClass);
    }

    /**
     * A deserializer of {@code GenericRecord}s in a reader schema of the application's choosing: its own version
     * of the contract, older or newer than the producers' (new fields get their defaults, removed ones are skipped).
     *
     * @param registry where the writers' schemas come from
     * @param readerSchema the schema to read the records in
     * @return the deserializer
     */
    public static GsbAvroDeserializer<org.apache.avro.generic.GenericRecord> generic(SchemaRegistry registry,
                                                                                   org.apache.avro.Schema readerSchema) {
        GsbAvroDeserializer<org.apache.avro.generic.GenericRecord> d = new GsbAvroDeserializer<>(registry);
        d.readers = new ReaderCache(registry, null, Objects.requireNonNull(readerSchema, "readerSchema"));
        return d;
    }

    /**
     * Reads the keys of {@link GsbAvroSerdeConfig}. A deserializer given a registry keeps it and ignores
     * {@code gsb.registry.url}; one given a reader class keeps it and ignores {@code gsb.avro.reader.class}.
     *
     * @param configs the consumer's configuration
     * @param isKey whether it reads keys (the subject does not matter for reading)
     * @throws ConfigException (fatal) naming a key whose value is missing or invalid
     */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        GsbAvroSerdeConfig config = new GsbAvroSerdeConfig(configs);
        if (registry == null) {
            registry = config.registry();
        }
        if (readerClass == null) {
            readerClass = config.readerClass();
        }
        readers = new ReaderCache(registry, readerClass);
    }

    /**
     * @param topic the topic the message was read from
     * @param data the message, or null
     * @return the record, or null for null
     * @throws InvalidMessageException (fatal for this message) if the bytes are not a GSB message, name an unknown
     *         schema id, were written with a schema the reader class cannot read, or do not decode
     * @throws NotAuthorizedException (fatal) if the registry refuses the credentials
     * @throws BusUnavailableException (retriable) if the registry cannot be reached
     */
    @Override
    public T deserialize(String topic, byte[] data) {
        return data == null ? null : decode(topic, data, 0, data.length);
    }

    /**
     * Reads straight from the buffer's array when it has one, saving the copy Kafka's default makes.
     *
     * @param topic the topic the message was read from
     * @param headers the message's headers (not used)
     * @param data the message, or null; its position is left as it was
     * @return the record, or null for null
     * @throws InvalidMessageException (fatal for this message) as {@link #deserialize(String, byte[])}
     * @throws NotAuthorizedException (fatal) if the registry refuses the credentials
     * @throws BusUnavailableException (retriable) if the registry cannot be reached
     */
    @Override
    public T deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        if (data.hasArray()) {
            return decode(topic, data.array(), data.arrayOffset() + data.position(), data.remaining());
        }
        byte[] copy = new byte[data.remaining()];
        data.duplicate().get(copy);
        return decode(topic, copy, 0, copy.length);
    }

    @SuppressWarnings("unchecked")
    private T decode(String topic, byte[] data, int offset, int length) {
        ReaderCache cache = readers;
        if (cache == null) {
            throw new IllegalStateException("GsbAvroDeserializer is not configured: give it a SchemaRegistry, or let "
                    + "Kafka call configure() with " + GsbAvroSerdeConfig.REGISTRY_URL);
        }
        int schemaId = WireFormat.schemaId(topic, data, offset, length);
        return (T) cache.read(topic, schemaId, data, offset + WireFormat.HEADER_SIZE, length - WireFormat.HEADER_SIZE);
    }

    private static Class<?> checkedReaderClass(Class<?> type) {
        if (type != null && !SpecificRecord.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(type.getName() + " is not a generated Avro class (a SpecificRecord): "
                    + "give the contract's class, or null for GenericRecords");
        }
        return type;
    }
}

package gov.gsb.sdk;

import gov.gsb.sdk.internal.serde.EncodeBuffer;
import gov.gsb.sdk.internal.serde.WireFormat;
import gov.gsb.sdk.internal.serde.WriterCache;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (generated {@code SpecificRecord} classes or {@code GenericRecord}s) in Confluent's wire format:
 * the magic byte {@code 0}, the schema's registry id (4 bytes, big-endian), then Avro binary. The schema's subject is
 * {@code <topic>-value} ({@code <topic>-key} for keys), Confluent's TopicNameStrategy. {@code null} is written as
 * {@code null}, so tombstones survive. Readable by {@link GsbAvroDeserializer}, Confluent's and Apicurio's
 * deserializers (with Apicurio's 4-byte content ids).
 *
 * <p>In a plain {@code KafkaProducer}:
 * <pre>{@code
 * value.serializer=gov.gsb.sdk.GsbAvroSerializer
 * gsb.registry.url=http://127.0.0.1:8081/apis/ccompat/v7
 * }</pre>
 * or programmatically: {@code new KafkaProducer<>(props, new StringSerializer(), new GsbAvroSerializer<>(registry))}.
 *
 * <p>Only per-record work happens per record: the schema id is found by the schema object's identity (generated
 * classes share one static Schema), the header and payload go into one reused per-thread buffer, and one copy makes
 * the returned array. The registry is asked once per schema and topic. Thread-safe once configured.
 *
 * @param <T> the record type
 */
public class GsbAvroSerializer<T> implements Serializer<T> {

    private final WriterCache writers = new WriterCache();
    private SchemaRegistry registry;
    private boolean autoRegister;
    private boolean isKey;

    /** For Kafka, which creates it from its class name and then calls {@link #configure(Map, boolean)}. */
    public GsbAvroSerializer() {
    }

    /**
     * A value serializer that never registers schemas: each must be registered already.
     *
     * @param registry where the schemas' ids come from, e.g. {@code SchemaRegistry.http(url)}
     */
    public GsbAvroSerializer(SchemaRegistry registry) {
        this(registry, false, false);
    }

    /**
     * A value serializer.
     *
     * @param registry where the schemas' ids come from
     * @param autoRegister whether it registers a schema the subject does not hold yet (development stacks)
     */
    public GsbAvroSerializer(SchemaRegistry registry, boolean autoRegister) {
        this(registry, autoRegister, false);
    }

    /**
     * @param registry where the schemas' ids come from
     * @param autoRegister whether it registers a schema the subject does not hold yet (development stacks)
     * @param isKey whether it writes keys (subject {@code <topic>-key}) rather than values
     */
    public GsbAvroSerializer(SchemaRegistry registry, boolean autoRegister, boolean isKey) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.autoRegister = autoRegister;
        this.isKey = isKey;
    }

    /**
     * Reads the keys of {@link GsbAvroSerdeConfig}. A serializer given a registry keeps it and ignores
     * {@code gsb.registry.url}.
     *
     * @param configs the producer's configuration
     * @param isKey whether it writes keys
     * @throws ConfigException (fatal) naming a key whose value is missing or invalid
     */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        GsbAvroSerdeConfig config = new GsbAvroSerdeConfig(configs);
        this.isKey = isKey;
        this.autoRegister = config.autoRegister();
        if (registry == null) {
            registry = config.registry();
        }
    }

    /**
     * @param topic the topic the record goes to
     * @param data the record, or null for a tombstone
     * @return the message bytes, or null for null
     * @throws SchemaNotRegisteredException (fatal) if the schema is not registered and auto-registration is off
     * @throws SchemaIncompatibleException (fatal) if registering is refused; names the fields that break the rule
     * @throws InvalidMessageException (fatal) if the value is not an Avro record or does not fit its schema
     * @throws NotAuthorizedException (fatal) if the registry refuses the credentials
     * @throws BusUnavailableException (retriable) if the registry cannot be reached
     */
    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        IndexedRecord record = asRecord(topic, data);
        WriterCache.Entry entry = writers.find(topic, record);
        if (entry == null) {
            entry = writers.add(topic, record, idOf(topic, record));
        }
        try {
            return EncodeBuffer.encode(entry.id(), entry.writer(), record);
        } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
            throw new InvalidMessageException("topic " + topic + ": the " + record.getSchema().getFullName()
                    + " cannot be encoded with its schema: " + e.getMessage()
                    + ". Give every field a value its schema allows (required fields set, decimals within their scale and "
                    + "precision, enum symbols of the contract)", e);
        }
    }

    private int idOf(String topic, IndexedRecord record) {
        if (registry == null) {
            throw new IllegalStateException("GsbAvroSerializer is not configured: give it a SchemaRegistry, or let "
                    + "Kafka call configure() with " + GsbAvroSerdeConfig.REGISTRY_URL);
        }
        String subject = WireFormat.subject(topic, isKey);
        return autoRegister ? registry.register(subject, record.getSchema()) : registry.idOf(subject, record.getSchema());
    }

    private static IndexedRecord asRecord(String topic, Object data) {
        if (data instanceof IndexedRecord record) {
            return record;
        }
        throw new InvalidMessageException("topic " + topic + ": GsbAvroSerializer writes Avro records (generated "
                + "classes or GenericRecords), not " + data.getClass().getName()
                + ". Send a record of the topic's contract, or use another serializer for this topic", null);
    }
}

package gov.gsb.sdk.internal.serde;

import gov.gsb.schemas.Compatibility;
import gov.gsb.sdk.InvalidMessageException;
import gov.gsb.sdk.SchemaNotRegisteredException;
import gov.gsb.sdk.SchemaRegistry;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;

/**
 * The deserializer's readers, one per writer schema id: each resolves the writer's schema to the application's reader
 * class (or reads generic records in the writer's schema). A writer schema the reader class cannot read is found out
 * once, when its id is first met, and every message of that id is then refused at once, with the fields to blame.
 */
public final class ReaderCache {

    private static final ThreadLocal<BinaryDecoder[]> DECODER = ThreadLocal.withInitial(() -> new BinaryDecoder[1]);

    private final SchemaRegistry registry;
    private final Class<?> readerClass;
    private final Schema readerSchema;
    private final ConcurrentHashMap<Integer, Reader> readers = new ConcurrentHashMap<>();
    private volatile Reader last; // most topics carry one schema id after another of the same

    /**
     * @param registry where the writers' schemas are
     * @param readerClass the generated class to read into, or null for GenericRecords
     */
    public ReaderCache(SchemaRegistry registry, Class<?> readerClass) {
        this(registry, readerClass, null);
    }

    /**
     * @param registry where the writers' schemas are
     * @param readerClass the generated class to read into, or null for GenericRecords
     * @param readerSchema for GenericRecords: the schema to read them in (the application's version of the
     *     contract), or null for the writer's
     */
    public ReaderCache(SchemaRegistry registry, Class<?> readerClass, Schema readerSchema) {
        this.registry = registry;
        this.readerClass = readerClass;
        this.readerSchema = readerClass != null ? null : readerSchema;
    }

    /**
     * Decodes the payload of a message whose header named {@code schemaId}.
     *
     * @param topic the topic, for errors
     * @param schemaId the writer's schema id
     * @param data the message
     * @param offset where the payload (after the header) starts
     * @param length the payload's length
     * @return the record
     * @throws InvalidMessageException (fatal) if the id is unknown, the reader cannot read the writer's schema, or
     *         the payload does not decode
     */
    public Object read(String topic, int schemaId, byte[] data, int offset, int length) {
        Reader reader = reader(topic, schemaId);
        if (reader.refusal != null) {
            throw new InvalidMessageException("topic " + topic + ": " + reader.refusal, null);
        }
        BinaryDecoder[] reuse = DECODER.get();
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, offset, length, reuse[0]);
        reuse[0] = decoder;
        try {
            Object value = reader.datumReader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new IOException("bytes are left over after the record");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            throw new InvalidMessageException("topic " + topic + ": the Avro payload (" + length + " bytes) does not "
                    + "decode with schema id " + schemaId + " (" + reader.writer.getFullName() + "): " + e
                    + ". The producer wrote bytes that do not match the schema it named; the message cannot be read",
                    e);
        }
    }

    private Reader reader(String topic, int schemaId) {
        Reader reader = last;
        if (reader != null && reader.id == schemaId) {
            return reader;
        }
        reader = readers.get(schemaId);
        if (reader == null) {
            reader = create(topic, schemaId);
            Reader earlier = readers.putIfAbsent(schemaId, reader);
            reader = earlier != null ? earlier : reader;
        }
        last = reader;
        return reader;
    }

    private Reader create(String topic, int schemaId) {
        Schema writer;
        try {
            writer = registry.schemaById(schemaId);
        } catch (SchemaNotRegisteredException e) {
            throw new InvalidMessageException("topic " + topic + ": the message names schema id " + schemaId
                    + ", which " + registry + " does not hold: it was written against another registry, or its "
                    + "schema was deleted. It cannot be read", e);
        }
        if (readerClass == null && readerSchema == null) {
            return new Reader(schemaId, writer, AvroModels.readerFor(writer, null), null);
        }
        Schema reader = readerClass != null ? AvroModels.schemaOf(readerClass) : readerSchema;
        if (SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
                == SchemaCompatibilityType.INCOMPATIBLE) {
            List<String> problems = Compatibility.problems(reader, writer);
            String as = readerClass != null ? readerClass.getName() : "the reader schema " + reader.getFullName();
            return new Reader(schemaId, writer, null, "messages written with schema id " + schemaId + " ("
                    + writer.getFullName() + ") cannot be read as " + as + ": "
                    + String.join("; ", problems) + ". Read them with a class of the topic's contract, or a "
                    + "version of it that can read the producer's");
        }
        return new Reader(schemaId, writer, readerClass != null ? AvroModels.readerFor(writer, readerClass)
                : AvroModels.genericReaderFor(writer, reader), null);
    }

    private static final class Reader {
        final int id;
        final Schema writer;
        final DatumReader<Object> datumReader;
        final String refusal;

        Reader(int id, Schema writer, DatumReader<Object> datumReader, String refusal) {
            this.id = id;
            this.writer = writer;
            this.datumReader = datumReader;
            this.refusal = refusal;
        }
    }
}

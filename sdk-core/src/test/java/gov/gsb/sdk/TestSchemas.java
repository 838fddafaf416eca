package gov.gsb.sdk;

import gov.gsb.sdk.internal.serde.AvroModels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/** Other versions of a contract, derived from its class's schema, and generic copies of samples in them. */
public final class TestSchemas {

    private TestSchemas() {
    }

    /** @return the record with one more field, {@code ["null","string"]} defaulting to null: a compatible v2 */
    public static Schema withOptionalField(Schema record, String name) {
        Schema nullable = Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING));
        return withField(record, new Schema.Field(name, nullable, "added in v2", JsonProperties.NULL_VALUE));
    }

    /** @return the record with one more required string field, without default: an incompatible v2 */
    public static Schema withRequiredField(Schema record, String name) {
        return withField(record, new Schema.Field(name, Schema.create(Schema.Type.STRING), "added without default"));
    }

    /** @return the record without one of its fields: what an older version without it looked like */
    public static Schema withoutField(Schema record, String name) {
        List<Schema.Field> fields = new ArrayList<>();
        record.getFields().stream().filter(f -> !f.name().equals(name)).forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        return copy(record, fields);
    }

    /** @return the sample as a GenericRecord of another version of its schema (Avro's resolution fills defaults) */
    public static GenericRecord asGeneric(SpecificRecord sample, Schema version) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<Object>(sample.getSchema(), SpecificData.getForClass(sample.getClass()))
                    .write(sample, encoder);
            encoder.flush();
            return new GenericDatumReader<GenericRecord>(sample.getSchema(), version, AvroModels.GENERIC)
                    .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the sample as a GenericRecord of a version with more fields, each filled with the value given */
    public static GenericRecord asGeneric(SpecificRecord sample, Schema version, String field, Object value) {
        GenericRecord same = asGeneric(sample, sample.getSchema());
        GenericRecord copy = new GenericData.Record(version);
        same.getSchema().getFields().forEach(f -> copy.put(f.name(), same.get(f.name())));
        copy.put(field, value);
        return copy;
    }

    /** @return the sample in plain Avro binary, as the payload after the wire format's header */
    public static byte[] plainAvro(SpecificRecord sample) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<Object>(sample.getSchema(), SpecificData.getForClass(sample.getClass()))
                    .write(sample, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema withField(Schema record, Schema.Field extra) {
        List<Schema.Field> fields = new ArrayList<>();
        record.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(extra);
        return copy(record, fields);
    }

    private static Schema copy(Schema record, List<Schema.Field> fields) {
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }
}

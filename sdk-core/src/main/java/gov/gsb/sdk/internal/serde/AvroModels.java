package gov.gsb.sdk.internal.serde;

import gov.gsb.bus.CallRecord;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * The Avro data models the serdes read and write with. A generated class brings its own (its {@code MODEL$}, which
 * knows its logical types). Generic records get one that converts the standard logical types, so a GenericRecord
 * may hold an {@code Instant}, {@code LocalDate}, {@code BigDecimal} or {@code UUID} (or their raw Avro values when
 * writing) and reads back with the same Java types as the generated classes.
 */
public final class AvroModels {

    /** The model of generic records, with the standard logical-type conversions. */
    public static final GenericData GENERIC = withLogicalTypes(new GenericData());

    private AvroModels() {
    }

    /**
     * @param record a record, specific or generic
     * @return a thread-safe writer of records of its class and schema
     */
    @SuppressWarnings("unchecked")
    public static DatumWriter<Object> writerFor(IndexedRecord record) {
        if (record instanceof CallRecord && CallRecordWriter.fits(record.getSchema())) {
            return new CallRecordWriter(); // the bus's own busiest contract, written field by field
        }
        if (record instanceof SpecificRecord) {
            return new SpecificDatumWriter<>(record.getSchema(), SpecificData.getForClass(record.getClass())) {
                @Override
                protected int resolveUnion(Schema union, Object datum) {
                    int branch = NullableUnions.branch(union, datum);
                    return branch != NullableUnions.NOT_NULLABLE ? branch : super.resolveUnion(union, datum);
                }
            };
        }
        return new GenericDatumWriter<>(record.getSchema(), GENERIC) {
            @Override
            protected int resolveUnion(Schema union, Object datum) {
                int branch = NullableUnions.branch(union, datum);
                return branch != NullableUnions.NOT_NULLABLE ? branch : super.resolveUnion(union, datum);
            }
        };
    }

    /**
     * @param type a generated class
     * @return the schema it reads with: the application's own version of the contract
     */
    public static Schema schemaOf(Class<?> type) {
        return SpecificData.getForClass(type).getSchema(type);
    }

    /**
     * @param writer the schema the data was written with
     * @param readerClass the generated class to read into, or null for GenericRecords in the writer's schema
     * @return a thread-safe reader resolving the writer's schema to the reader's
     */
    public static DatumReader<Object> readerFor(Schema writer, Class<?> readerClass) {
        if (readerClass == null) {
            return new GenericDatumReader<>(writer, writer, GENERIC);
        }
        SpecificData model = SpecificData.getForClass(readerClass);
        return new SpecificDatumReader<>(writer, model.getSchema(readerClass), model);
    }

    /**
     * @param writer the schema the data was written with
     * @param reader the schema to read GenericRecords in
     * @return a thread-safe reader resolving one to the other
     */
    public static DatumReader<Object> genericReaderFor(Schema writer, Schema reader) {
        return new GenericDatumReader<>(writer, reader, GENERIC);
    }

    private static GenericData withLogicalTypes(GenericData model) {
        model.addLogicalTypeConversion(new Conversions.DecimalConversion());
        model.addLogicalTypeConversion(new Conversions.UUIDConversion());
        model.addLogicalTypeConversion(new TimeConversions.DateConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        model.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
        return model;
    }
}

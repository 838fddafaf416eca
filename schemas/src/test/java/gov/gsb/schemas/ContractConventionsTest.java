package gov.gsb.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;
import org.apache.avro.Schema.Type;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/** The rules every contract follows (schemas/README.md, "Writing a contract"), checked on all of them. */
class ContractConventionsTest {

    private static final List<Schema> TYPES = SchemaWalk.namedTypesOfAllContracts();

    @Test
    void shouldDocumentEveryTypeAndField() {
        assertThat(TYPES).allSatisfy(t -> assertThat(t.getDoc()).as(t.getFullName()).isNotBlank());
        assertThat(fields()).allSatisfy(f -> assertThat(f.doc()).as(f.toString()).isNotBlank());
    }

    @Test
    void shouldPutNullFirstAndDefaultToNullInEveryNullableField() {
        assertThat(fields()).filteredOn(f -> f.schema().getType() == Type.UNION).allSatisfy(f -> {
            assertThat(f.schema().getTypes()).as(f.toString()).hasSize(2)
                    .first().returns(Type.NULL, Schema::getType);
            assertThat(f.defaultVal()).as(f.toString()).isEqualTo(JsonProperties.NULL_VALUE);
        });
    }

    @Test
    void shouldKeepEveryTimestampAsTimestampMillis() {
        assertThat(fields()).filteredOn(f -> f.name().endsWith("At") || isTimestamp(f.schema())).allSatisfy(f ->
                assertThat(nonNull(f.schema()).getLogicalType()).as(f.toString())
                        .isEqualTo(LogicalTypes.timestampMillis()));
    }

    @Test
    void shouldGiveEveryEnumADefaultSymbol() {
        assertThat(enums()).isNotEmpty().allSatisfy(e -> assertThat(e.getEnumDefault()).as(e.getFullName()).isNotNull());
    }

    @Test
    void shouldReadASymbolAddedLaterAsTheDefault() throws IOException {
        for (Schema reader : enums().toList()) {
            List<String> symbols = new ArrayList<>(reader.getEnumSymbols());
            symbols.add("ADDED_LATER");
            Schema writer = Schema.createEnum(reader.getName(), null, reader.getNamespace(), symbols);

            Object read = roundTrip(new GenericData.EnumSymbol(writer, "ADDED_LATER"), writer, reader);

            assertThat(read).as(reader.getFullName()).hasToString(reader.getEnumDefault());
        }
    }

    private static Object roundTrip(Object value, Schema writer, Schema reader) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<>(writer).write(value, encoder);
        encoder.flush();
        return new GenericDatumReader<>(writer, reader)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }

    private static List<Field> fields() {
        return TYPES.stream().filter(t -> t.getType() == Type.RECORD).flatMap(t -> t.getFields().stream()).toList();
    }

    private static Stream<Schema> enums() {
        return TYPES.stream().filter(t -> t.getType() == Type.ENUM);
    }

    private static boolean isTimestamp(Schema schema) {
        LogicalType type = nonNull(schema).getLogicalType();
        return type != null && type.getName().contains("timestamp");
    }

    private static Schema nonNull(Schema schema) {
        return schema.getType() == Type.UNION ? schema.getTypes().get(schema.getTypes().size() - 1) : schema;
    }
}

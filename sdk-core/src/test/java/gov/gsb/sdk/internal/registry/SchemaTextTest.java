package gov.gsb.sdk.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.schemas.Contracts;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

class SchemaTextTest {

    @Test
    void shouldLeaveOutJavaOnlyPropertiesOfEveryContract() {
        assertThat(Contracts.all()).allSatisfy(contract -> {
            String text = SchemaText.of(contract.schema());
            Schema parsed = new Schema.Parser().parse(text);

            assertThat(text).doesNotContain(SchemaText.JAVA_STRING);
            assertThat(parsed.toString()).as("Avro's own text of it").isEqualTo(text);
            assertThat(SchemaNormalization.toParsingForm(parsed))
                    .isEqualTo(SchemaNormalization.toParsingForm(contract.schema()));
        });
    }

    @Test
    void shouldKeepOtherPropertiesAndLogicalTypes() {
        Schema schema = new Schema.Parser().parse("""
                {"type": "record", "name": "R", "fields": [
                  {"name": "id", "type": {"type": "string", "logicalType": "uuid", "avro.java.string": "String"}},
                  {"name": "tags", "type": {"type": "map", "values": "string", "avro.java.string": "String"}},
                  {"name": "note", "type": {"type": "string", "avro.java.string": "String", "x-owner": "tax"}},
                  {"name": "doc", "type": "string", "doc": "a \\"quoted\\" avro.java.string in a doc"}
                ]}""");

        String text = SchemaText.of(schema);

        assertThat(text).contains("\"logicalType\":\"uuid\"", "\"x-owner\":\"tax\"", "\"values\":\"string\"",
                "a \\\"quoted\\\" avro.java.string in a doc");
        assertThat(text.replace("a \\\"quoted\\\" avro.java.string in a doc", "")).doesNotContain("avro.java.string");
    }

    @Test
    void shouldLeaveASchemaWithoutThemAsAvroWritesIt() {
        Schema plain = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");

        assertThat(SchemaText.of(plain)).isEqualTo(plain.toString());
    }
}

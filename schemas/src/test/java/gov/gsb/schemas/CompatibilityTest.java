package gov.gsb.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** {@link Compatibility}, the guard's rules, on purpose-made schemas: it passes what BACKWARD allows and names the field and rule of what it does not. */
class CompatibilityTest {

    // A released contract, small but with what the rules care about: a nested nullable record, an enum, a decimal.
    private static final String RELEASED_FIELDS = """
            {"name": "id", "type": "string"},
            {"name": "count", "type": "int"},
            {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2}},
            {"name": "colour", "type": {"type": "enum", "name": "Colour", "symbols": ["RED", "GREEN"]}},
            {"name": "address", "type": ["null", {"type": "record", "name": "Address", "fields": [
                {"name": "street", "type": "string"},
                {"name": "postalCode", "type": "string"}]}], "default": null}
            """;

    private static final Schema RELEASED = record(RELEASED_FIELDS);

    @Test
    void shouldAcceptTheSameSchema() {
        assertThat(Compatibility.problems(RELEASED, RELEASED)).isEmpty();
    }

    @Test
    void shouldAcceptAnOptionalFieldAddedWithDefault() {
        Schema current = record(RELEASED_FIELDS
                + ", {\"name\": \"note\", \"type\": [\"null\", \"string\"], \"default\": null}");

        assertThat(Compatibility.problems(current, RELEASED)).isEmpty();
    }

    @Test
    void shouldAcceptARemovedField() {
        Schema current = record(RELEASED_FIELDS.replace("{\"name\": \"count\", \"type\": \"int\"},", ""));

        assertThat(Compatibility.problems(current, RELEASED)).isEmpty();
    }

    @Test
    void shouldAcceptAWidenedType() {
        Schema current = record(RELEASED_FIELDS.replace("\"count\", \"type\": \"int\"", "\"count\", \"type\": \"long\""));

        assertThat(Compatibility.problems(current, RELEASED)).isEmpty();
    }

    @Test
    void shouldAcceptAnEnumSymbolAdded() {
        Schema current = record(RELEASED_FIELDS.replace("[\"RED\", \"GREEN\"]", "[\"RED\", \"GREEN\", \"BLUE\"]"));

        assertThat(Compatibility.problems(current, RELEASED)).isEmpty();
    }

    @Test
    void shouldAcceptAFieldRenamedWithItsOldNameAsAlias() {
        Schema current = record(RELEASED_FIELDS.replace("{\"name\": \"count\", \"type\": \"int\"}",
                "{\"name\": \"total\", \"aliases\": [\"count\"], \"type\": \"int\"}"));

        assertThat(Compatibility.problems(current, RELEASED)).isEmpty();
    }

    @Test
    void shouldRejectARequiredFieldAddedWithoutDefault() {
        Schema current = record(RELEASED_FIELDS + ", {\"name\": \"email\", \"type\": \"string\"}");

        assertThat(Compatibility.problems(current, RELEASED)).singleElement().asString()
                .contains("field 'email'", "READER_FIELD_MISSING_DEFAULT_VALUE", "give it one");
    }

    @Test
    void shouldRejectATypeChange() {
        Schema current = record(RELEASED_FIELDS.replace("\"id\", \"type\": \"string\"", "\"id\", \"type\": \"int\""));

        assertThat(Compatibility.problems(current, RELEASED)).singleElement().asString()
                .contains("field 'id'", "TYPE_MISMATCH");
    }

    @Test
    void shouldNameANestedFieldByItsPath() {
        Schema current = record(RELEASED_FIELDS.replace("\"postalCode\", \"type\": \"string\"",
                "\"postalCode\", \"type\": \"int\""));

        assertThat(Compatibility.problems(current, RELEASED)).singleElement().asString()
                .contains("field 'address.postalCode'", "TYPE_MISMATCH");
    }

    @Test
    void shouldBlameEachUseOfASharedTypeOnItsOwnField() {
        // Avro alone reports 'address' only as a lost union branch, and the second use at the location where it
        // first met Address (/fields/2), which from the root names 'amount'.
        String released = RELEASED_FIELDS + ", {\"name\": \"work\", \"type\": \"Address\"}";
        String current = released.replace("{\"name\": \"postalCode\", \"type\": \"string\"}",
                "{\"name\": \"postalCode\", \"type\": \"string\"}, {\"name\": \"district\", \"type\": \"string\"}");

        assertThat(Compatibility.problems(record(current), record(released)))
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("field 'address.district': READER_FIELD_MISSING_DEFAULT_VALUE"))
                .anySatisfy(p -> assertThat(p).startsWith("field 'work.district': READER_FIELD_MISSING_DEFAULT_VALUE"));
    }

    @Test
    void shouldRejectANullableFieldMadeRequired() {
        String address = "{\"type\": \"record\", \"name\": \"Address\", "
                + "\"fields\": [{\"name\": \"street\", \"type\": \"string\"}]}";
        Schema released = record("{\"name\": \"address\", \"type\": [\"null\", " + address + "], \"default\": null}");
        Schema current = record("{\"name\": \"address\", \"type\": " + address + "}");

        assertThat(Compatibility.problems(current, released)).singleElement().asString()
                .startsWith("field 'address': TYPE_MISMATCH");
        assertThat(Compatibility.problems(released, current)).as("the other way round is allowed").isEmpty();
    }

    @Test
    void shouldRejectAnEnumSymbolRemovedWhenTheEnumHasNoDefault() {
        Schema current = record(RELEASED_FIELDS.replace("[\"RED\", \"GREEN\"]", "[\"RED\"]"));

        assertThat(Compatibility.problems(current, RELEASED)).singleElement().asString()
                .contains("field 'colour'", "MISSING_ENUM_SYMBOLS", "GREEN");
    }

    @Test
    void shouldRejectARenamedRecordWithoutAlias() {
        Schema current = record(RELEASED_FIELDS.replace("\"name\": \"Address\"", "\"name\": \"PostalAddress\""));

        assertThat(Compatibility.problems(current, RELEASED)).isNotEmpty().allSatisfy(problem ->
                assertThat(problem).contains("field 'address'"));
    }

    @Test
    void shouldRejectAChangedDecimalScaleThatAvroAloneWouldAccept() {
        Schema current = record(RELEASED_FIELDS.replace("\"scale\": 2", "\"scale\": 3"));

        assertThat(Compatibility.problems(current, RELEASED)).singleElement().asString()
                .contains("field 'amount'", Compatibility.LOGICAL_TYPE_CHANGED, "decimal of scale 2");
    }

    @Test
    void shouldRejectALogicalTypeAddedToAPlainField() {
        Schema released = record("{\"name\": \"at\", \"type\": \"long\"}");
        Schema current = record(
                "{\"name\": \"at\", \"type\": {\"type\": \"long\", \"logicalType\": \"timestamp-micros\"}}");

        assertThat(Compatibility.problems(current, released)).singleElement().asString()
                .contains("field 'at'", Compatibility.LOGICAL_TYPE_CHANGED);
    }

    @Test
    void shouldReportEveryProblemNotOnlyTheFirst() {
        Schema current = record(RELEASED_FIELDS.replace("\"id\", \"type\": \"string\"", "\"id\", \"type\": \"int\"")
                + ", {\"name\": \"email\", \"type\": \"string\"}");

        assertThat(Compatibility.problems(current, RELEASED)).hasSize(2);
    }

    private static Schema record(String fields) {
        return new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"Probe\", \"namespace\": \"test\", "
                + "\"fields\": [" + fields + "]}");
    }
}

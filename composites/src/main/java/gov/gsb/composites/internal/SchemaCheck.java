package gov.gsb.composites.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import gov.gsb.composites.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;

/** The published JSON Schema, loaded once; its messages turned into field-level problems. */
public final class SchemaCheck {

    /** Where the schema is on the classpath. */
    public static final String RESOURCE = "/gov/gsb/composites/composite-service.schema.json";

    private static final JsonSchema SCHEMA = load();

    private SchemaCheck() {
    }

    private static JsonSchema load() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param definition a definition's JSON tree @return what the schema refuses, field by field */
    public static List<Problem> problems(JsonNode definition) {
        return SCHEMA.validate(definition).stream()
                .map(SchemaCheck::problem)
                .distinct()
                .sorted(Comparator.comparing(Problem::field).thenComparing(Problem::message))
                .toList();
    }

    private static Problem problem(ValidationMessage m) {
        String field = m.getInstanceLocation().toString();
        field = field.equals("$") ? "" : field.startsWith("$.") ? field.substring(2) : field;
        String message = m.getMessage();
        int colon = message.indexOf(": ");
        if (colon > 0 && message.startsWith("$")) {
            message = message.substring(colon + 2); // the field is said once, in Problem.field
        }
        if (m.getProperty() != null && "required".equals(m.getType())) {
            field = field.isEmpty() ? m.getProperty() : field + "." + m.getProperty();
        }
        return new Problem(field.isEmpty() ? "(definition)" : field, message);
    }
}

package gov.gsb.schemas;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/** Finds the named types (records, enums, fixed) a schema uses, itself included. */
final class SchemaWalk {

    private SchemaWalk() {
    }

    static List<Schema> namedTypes(Schema root) {
        Map<String, Schema> found = new LinkedHashMap<>();
        walk(root, found);
        return List.copyOf(found.values());
    }

    static List<Schema> namedTypesOfAllContracts() {
        Map<String, Schema> found = new LinkedHashMap<>();
        Contracts.all().forEach(c -> walk(c.schema(), found));
        return List.copyOf(found.values());
    }

    private static void walk(Schema schema, Map<String, Schema> found) {
        switch (schema.getType()) {
            case RECORD -> {
                if (found.putIfAbsent(schema.getFullName(), schema) == null) {
                    schema.getFields().forEach(f -> walk(f.schema(), found));
                }
            }
            case ENUM, FIXED -> found.putIfAbsent(schema.getFullName(), schema);
            case UNION -> schema.getTypes().forEach(t -> walk(t, found));
            case ARRAY -> walk(schema.getElementType(), found);
            case MAP -> walk(schema.getValueType(), found);
            default -> { }
        }
    }
}

package gov.gsb.schemas;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;
import org.apache.avro.Schema.Type;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;

/**
 * Says, field by field, why one schema cannot read data written with another: the explanation behind the registry's
 * BACKWARD rule (the new schema must read every record written with the previous one). It is Avro's reader/writer
 * check, plus one Avro does not make: a changed logical type (decimal scale 2 to 3, millis to micros) reads old bytes
 * without error, but as other values.
 *
 * <p>The contracts' own test uses it against their released versions; the SDK's serializer uses it to explain a
 * registry's refusal (HTTP 409) with field names instead of the registry's one-line message:
 * <pre>{@code
 * List<String> problems = Compatibility.problems(newSchema, registeredSchema);
 * // ["field 'newAddress.district': READER_FIELD_MISSING_DEFAULT_VALUE: a field was added without a default: give it one"]
 * }</pre>
 */
public final class Compatibility {

    /** The rule name of a changed logical type, which Avro's own check lets through. */
    public static final String LOGICAL_TYPE_CHANGED = "LOGICAL_TYPE_CHANGED";

    private Compatibility() {
    }

    /**
     * What stops {@code reader} from reading data written with {@code writer}: one line per problem, each naming the
     * field (as a dotted path from the record, e.g. {@code 'newAddress.city'}), the rule broken and what to do.
     * For a BACKWARD check the reader is the new schema and the writer the one registered before it.
     *
     * @param reader the schema that would read, e.g. the new version of a contract
     * @param writer the schema the data was written with, e.g. the released or registered version
     * @return the problems, empty when the reader can read everything the writer wrote
     * @throws NullPointerException if a schema is null (fatal: a programming error)
     */
    public static List<String> problems(Schema reader, Schema writer) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(writer, "writer");
        List<String> problems = new ArrayList<>();
        List<Incompatibility> verdict = incompatibilities(reader, writer); // Avro decides, as the registry does
        if (!verdict.isEmpty()) {
            explain(reader, writer, "", problems);
            if (problems.isEmpty()) {
                verdict.forEach(i -> problems.add(describe(fieldPath(reader, i.getLocation()), i)));
            }
        }
        logicalTypeChanges(reader, writer, "", new HashSet<>(), problems);
        return problems;
    }

    // Avro remembers the result for a pair of types with the location where it first met them, so a type used
    // twice (oldAddress, newAddress) would be blamed on the wrong field. Walk records that kept their name here,
    // and ask Avro about one field at a time.
    private static void explain(Schema reader, Schema writer, String path, List<String> problems) {
        Schema r = recordOf(reader);
        Schema w = recordOf(writer);
        boolean nullabilityKept = !isUnion(writer) || isUnion(reader);
        if (r == null || w == null || !r.getFullName().equals(w.getFullName()) || !nullabilityKept) {
            incompatibilities(reader, writer)
                    .forEach(i -> problems.add(describe(join(path, fieldPath(reader, i.getLocation())), i)));
            return;
        }
        for (Field field : r.getFields()) {
            Field old = writerField(w, field);
            String name = join(path, field.name());
            if (old != null) {
                explain(field.schema(), old.schema(), name, problems);
            } else if (!field.hasDefaultValue()) {
                problems.add("field %s: %s: %s".formatted(display(name),
                        SchemaIncompatibilityType.READER_FIELD_MISSING_DEFAULT_VALUE,
                        hint(SchemaIncompatibilityType.READER_FIELD_MISSING_DEFAULT_VALUE)));
            }
        }
    }

    private static List<Incompatibility> incompatibilities(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult().getIncompatibilities();
    }

    private static String describe(String path, Incompatibility i) {
        return "field %s: %s (%s): %s".formatted(display(path), i.getType(), i.getMessage(), hint(i.getType()));
    }

    /** Turns Avro's JSON pointer into the reader's field names, e.g. /fields/2/type/fields/0 to newAddress.street. */
    private static String fieldPath(Schema reader, String location) {
        List<String> names = new ArrayList<>();
        String[] tokens = location.split("/");
        Schema schema = reader;
        for (int i = 1; i < tokens.length; i++) {
            switch (tokens[i]) {
                case "fields" -> {
                    Field field = branch(schema, Type.RECORD).getFields().get(Integer.parseInt(tokens[++i]));
                    names.add(field.name());
                    schema = field.schema();
                }
                case "items" -> schema = branch(schema, Type.ARRAY).getElementType();
                case "values" -> schema = branch(schema, Type.MAP).getValueType();
                default -> { } // "type", union branch numbers, "symbols", "name", "size": no field of their own
            }
        }
        return String.join(".", names);
    }

    private static String hint(SchemaIncompatibilityType type) {
        return switch (type) {
            case READER_FIELD_MISSING_DEFAULT_VALUE -> "a field was added without a default: give it one";
            case TYPE_MISMATCH -> "the new type cannot read the old values: only int to long, float or double, "
                    + "long to float or double, float to double, and string to bytes and back can";
            case MISSING_ENUM_SYMBOLS -> "an enum symbol was removed: keep it, or give the enum a default symbol";
            case MISSING_UNION_BRANCH -> "a union lost a type that old data may hold";
            case NAME_MISMATCH -> "a named type was renamed: keep the old name as an alias";
            case FIXED_SIZE_MISMATCH -> "a fixed type changed size";
            default -> "see Avro's SchemaCompatibility";
        };
    }

    private static void logicalTypeChanges(Schema reader, Schema writer, String path, Set<String> seen,
            List<String> problems) {
        Schema r = nonNull(reader);
        Schema w = nonNull(writer);
        String was = describe(w.getLogicalType());
        String is = describe(r.getLogicalType());
        if (!was.equals(is)) {
            problems.add("field %s: %s (%s became %s): old values would be read as other values".formatted(
                    display(path), LOGICAL_TYPE_CHANGED, was, is));
            return;
        }
        if (r.getType() != w.getType()) {
            return; // Avro's own check reports this one
        }
        switch (r.getType()) {
            case RECORD -> {
                if (!seen.add(r.getFullName())) {
                    return; // a recursive type, already walked
                }
                for (Field field : r.getFields()) {
                    Field old = writerField(w, field);
                    if (old != null) {
                        logicalTypeChanges(field.schema(), old.schema(), join(path, field.name()), seen, problems);
                    }
                }
            }
            case ARRAY -> logicalTypeChanges(r.getElementType(), w.getElementType(), path, seen, problems);
            case MAP -> logicalTypeChanges(r.getValueType(), w.getValueType(), path, seen, problems);
            default -> { }
        }
    }

    // Precision is left out on purpose: it only bounds what may be written, while the scale gives the bytes
    // their meaning.
    private static String describe(LogicalType type) {
        if (type == null) {
            return "no logical type";
        }
        return type instanceof LogicalTypes.Decimal d ? "decimal of scale " + d.getScale() : type.getName();
    }

    /** The writer's field that fills {@code field}: same name, or one of its aliases (Avro's rule). */
    private static Field writerField(Schema writer, Field field) {
        Field old = writer.getField(field.name());
        for (String alias : field.aliases()) {
            old = old != null ? old : writer.getField(alias);
        }
        return old;
    }

    private static Schema recordOf(Schema schema) {
        Schema s = nonNull(schema);
        return s.getType() == Type.RECORD ? s : null;
    }

    private static boolean isUnion(Schema schema) {
        return schema.getType() == Type.UNION;
    }

    private static Schema nonNull(Schema schema) {
        if (isUnion(schema) && schema.getTypes().size() == 2 && schema.getTypes().get(0).getType() == Type.NULL) {
            return schema.getTypes().get(1);
        }
        return schema;
    }

    // A nullable record, array or map is a union: look through it.
    private static Schema branch(Schema schema, Type type) {
        if (!isUnion(schema)) {
            return schema;
        }
        return schema.getTypes().stream().filter(b -> b.getType() == type).findFirst().orElse(schema);
    }

    private static String join(String prefix, String path) {
        return prefix.isEmpty() || path.isEmpty() ? prefix + path : prefix + "." + path;
    }

    private static String display(String path) {
        return path.isEmpty() ? "(the record itself)" : "'" + path + "'";
    }
}

package gov.gsb.sdk.internal.registry;

import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * The text of a schema as the SDK sends it to a registry: Avro's compact JSON without the Java-only property
 * {@code "avro.java.string"} that generated classes put on their strings and maps. With it, a class's schema and its
 * {@code .avsc} file would be two different texts, so two versions (or a failed lookup) of one contract; readers
 * ignore the property, so nothing is lost.
 */
public final class SchemaText {

    /** The property name, for tests. */
    public static final String JAVA_STRING = "avro.java.string";

    // Avro writes "type" first and every property after it, so the property always follows a comma. A JSON string
    // cannot hold an unescaped quote, so this text never matches inside a doc or a default.
    private static final Pattern JAVA_STRING_PROP = Pattern.compile(",\"avro\\.java\\.string\":\"[A-Za-z]+\"");

    private SchemaText() {
    }

    /**
     * @param schema a schema, perhaps taken from a generated class
     * @return its JSON text without Java-only properties; a plain string type left as {@code "string"}
     */
    public static String of(Schema schema) {
        String text = schema.toString();
        if (!text.contains(JAVA_STRING)) {
            return text;
        }
        return JAVA_STRING_PROP.matcher(text).replaceAll("").replace("{\"type\":\"string\"}", "\"string\"");
    }

    /**
     * @param schema a schema
     * @return the same schema, parsed back from {@link #of(Schema)}: what a registry would hand out for it
     */
    public static Schema normalised(Schema schema) {
        return new Schema.Parser().parse(of(schema));
    }
}

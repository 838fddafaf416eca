package gov.gsb.sdk.internal.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The few JSON shapes of the Confluent Schema Registry API v7. Jackson is here anyway (Avro parses schemas with it);
 * it stays behind this class, out of the SDK's public types.
 */
final class RegistryJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A schema's text and its references. */
    record SchemaAnswer(String schema, List<Reference> references) {
    }

    /** A named type defined by a version of another subject. */
    record Reference(String name, String subject, int version) {
    }

    /** A registry's error body: {@code {"error_code": 40403, "message": "Schema not found"}}. */
    record Error(int code, String message) {
    }

    private RegistryJson() {
    }

    /** The body of register and lookup: {@code {"schema": "<the schema's JSON as a string>"}}. */
    static String schemaRequest(String schemaText) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", schemaText);
        return body.toString();
    }

    /** The {@code id} of a register or lookup answer. */
    static int id(String body) {
        JsonNode id = parse(body).get("id");
        if (id == null || !id.canConvertToInt()) {
            throw new IllegalArgumentException("no numeric \"id\" in the answer");
        }
        return id.intValue();
    }

    /** The {@code schema} text of a lookup, by-id or version answer. */
    static String schema(String body) {
        return schemaAnswer(body).schema();
    }

    /**
     * A by-id or version answer: the schema's text and the named types it uses but does not define, each a version
     * of another subject (Apicurio's serializer registers nested records that way).
     */
    static SchemaAnswer schemaAnswer(String body) {
        JsonNode node = parse(body);
        JsonNode schema = node.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw new IllegalArgumentException("no \"schema\" text in the answer");
        }
        List<Reference> references = new ArrayList<>();
        for (JsonNode ref : node.path("references")) {
            if (!ref.path("name").isTextual() || !ref.path("subject").isTextual() || !ref.path("version").canConvertToInt()) {
                throw new IllegalArgumentException("a reference without name, subject and version: " + ref);
            }
            references.add(new Reference(ref.get("name").textValue(), ref.get("subject").textValue(),
                    ref.get("version").intValue()));
        }
        return new SchemaAnswer(schema.textValue(), references);
    }

    /** The error of a failed call; tolerates bodies that are not a registry's JSON (a proxy's HTML page). */
    static Error error(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.isObject()) {
                return new Error(node.path("error_code").asInt(-1), node.path("message").asText(excerpt(body)));
            }
        } catch (JsonProcessingException e) {
            // not JSON: report the raw body below
        }
        return new Error(-1, excerpt(body));
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("the answer is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the answer is not JSON: " + excerpt(body), e);
        }
    }

    static String excerpt(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }
}

package gov.gsb.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operators' CustomResourceDefinitions (copied unchanged into src/test/resources/crds, see the README there)
 * and a check of a rendered custom resource against its version's OpenAPI v3 schema, the way the API server with
 * strict field validation would: types, enums, patterns, required fields, and no field the schema does not
 * declare (an object schema with properties and without x-kubernetes-preserve-unknown-fields is closed).
 */
final class CrdSchemas {

    /**
     * CRD file, and the versions of it the chart may use. The Keycloak operator's 26.7 CRDs are not published where
     * this build can fetch them; its newest published ones (26.0.0) serve v2alpha1, whose schema v2beta1 (26.6+)
     * repeats unchanged, so v2beta1 resources are checked against it.
     */
    private static final Map<String, String[]> FILES = Map.of(
            "strimzi-1.2.0-kafkas.kafka.strimzi.io.yaml", new String[] {"v1"},
            "strimzi-1.2.0-kafkanodepools.kafka.strimzi.io.yaml", new String[] {"v1"},
            "keycloak-26.0.0-keycloaks.k8s.keycloak.org.yaml", new String[] {"v2alpha1", "v2beta1"},
            "keycloak-26.0.0-keycloakrealmimports.k8s.keycloak.org.yaml", new String[] {"v2alpha1", "v2beta1"},
            "altinity-0.25.6-clickhouseinstallations.clickhouse.altinity.com.yaml", new String[] {"v1"},
            "altinity-0.25.6-clickhousekeeperinstallations.clickhouse-keeper.altinity.com.yaml", new String[] {"v1"});

    private static final Map<String, JsonSchema> SCHEMAS = load();

    private CrdSchemas() {
    }

    /** @return whether a schema is known for the document's apiVersion and kind */
    static boolean covers(JsonNode doc) {
        return SCHEMAS.containsKey(key(doc));
    }

    /** The apiVersion/kind pairs the schemas cover. */
    static Set<String> kinds() {
        return SCHEMAS.keySet();
    }

    /** @return the schema violations of one custom resource (empty: valid) */
    static List<String> problems(JsonNode doc) {
        JsonSchema schema = SCHEMAS.get(key(doc));
        if (schema == null) {
            return List.of("no CRD schema for " + key(doc));
        }
        List<String> out = new ArrayList<>();
        for (ValidationMessage m : schema.validate(doc)) {
            out.add(m.getMessage());
        }
        return out;
    }

    private static String key(JsonNode doc) {
        return doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
    }

    private static Map<String, JsonSchema> load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        Map<String, JsonSchema> schemas = new LinkedHashMap<>();
        FILES.forEach((file, versions) -> {
            JsonNode crd = read(file);
            String group = crd.path("spec").path("group").asText();
            String kind = crd.path("spec").path("names").path("kind").asText();
            JsonNode version = crd.path("spec").path("versions").get(0);
            JsonNode openApi = version.path("schema").path("openAPIV3Schema");
            if (openApi.isMissingNode()) {
                throw new IllegalStateException(file + " has no openAPIV3Schema");
            }
            ObjectNode root = openApi.deepCopy();
            // Some generators leave the object's own fields out of the root schema; the API server adds them.
            ObjectNode props = root.has("properties") ? (ObjectNode) root.get("properties") : root.putObject("properties");
            props.putIfAbsent("apiVersion", JsonNodeFactory.instance.objectNode().put("type", "string"));
            props.putIfAbsent("kind", JsonNodeFactory.instance.objectNode().put("type", "string"));
            props.putIfAbsent("metadata", JsonNodeFactory.instance.objectNode().put("type", "object"));
            JsonSchema schema = factory.getSchema(toJsonSchema(root));
            for (String v : versions) {
                schemas.put(group + "/" + v + "/" + kind, schema);
            }
        });
        return schemas;
    }

    private static JsonNode read(String file) {
        try (InputStream in = CrdSchemas.class.getResourceAsStream("/crds/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing CRD " + file);
            }
            return Chart.YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** OpenAPI v3 (Kubernetes' structural dialect) into JSON Schema draft 4, closed where Kubernetes prunes. */
    static JsonNode toJsonSchema(JsonNode node) {
        if (node instanceof ArrayNode a) {
            a.forEach(CrdSchemas::toJsonSchema);
            return a;
        }
        if (!(node instanceof ObjectNode o)) {
            return node;
        }
        boolean preserve = o.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (o.path("x-kubernetes-int-or-string").asBoolean(false)) {
            o.remove("type");
            ArrayNode anyOf = o.putArray("anyOf");
            anyOf.addObject().put("type", "integer");
            anyOf.addObject().put("type", "string");
        }
        if (o.path("nullable").asBoolean(false) && o.path("type").isTextual()) {
            ArrayNode types = JsonNodeFactory.instance.arrayNode().add(o.get("type").asText()).add("null");
            o.set("type", types);
        }
        if (o.has("properties") && o.path("properties").isObject() && !o.has("additionalProperties") && !preserve) {
            o.put("additionalProperties", false);
        }
        // Keywords draft 4 does not know, or formats Kubernetes uses loosely (int32, int64, byte): dropped.
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (f.startsWith("x-kubernetes-") || f.equals("nullable") || f.equals("format") || f.equals("example")) {
                it.remove();
            }
        }
        // Recurse into sub-schemas only (a property named "description" or "default" is a schema, not a keyword).
        if (o.path("properties").isObject()) {
            o.get("properties").forEach(CrdSchemas::toJsonSchema);
        }
        for (String k : List.of("items", "additionalProperties", "anyOf", "allOf", "oneOf", "not")) {
            if (o.has(k)) {
                toJsonSchema(o.get(k));
            }
        }
        return o;
    }
}

package gov.gsb.composites;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The little language of a step's {@code input} and {@code when}: a string starting with {@code $.} is a path into
 * the process's context, anything else a literal; an object builds a nested record. The context is one JSON tree:
 *
 * <pre>
 * { "request": {...the composite's request...},
 *   "steps":   { "register-address": { "reply": {...} }, ... },
 *   "call":    { "id": "...", "correlationId": "...", "endUser": "..." } }
 * </pre>
 */
public final class Mapping {

    /** What a path looks like: {@code $.} then dot-separated names. */
    public static final Pattern PATH = Pattern.compile("\\$\\.(request|steps|call)(\\.[A-Za-z0-9_-]+)*");

    private Mapping() {
    }

    /** @param value an input value @return whether it is a path (and not a literal) */
    public static boolean isPath(JsonNode value) {
        return value.isTextual() && value.asText().startsWith("$.");
    }

    /**
     * @param input a step's input
     * @return every path it uses, depth first
     */
    public static List<String> paths(JsonNode input) {
        List<String> paths = new ArrayList<>();
        collect(input, paths);
        return paths;
    }

    private static void collect(JsonNode node, List<String> paths) {
        if (isPath(node)) {
            paths.add(node.asText());
        } else if (node.isObject()) {
            node.elements().forEachRemaining(child -> collect(child, paths));
        }
    }

    /**
     * @param path a path such as {@code $.steps.register-address.reply.registrationNumber}
     * @return the step it reads the reply of, or null if it reads no step
     */
    public static String stepOf(String path) {
        String[] parts = path.split("\\.");
        return parts.length >= 3 && parts[1].equals("steps") ? parts[2] : null;
    }

    /**
     * @param path a path
     * @param context the process's context
     * @return the value there, or a missing node
     */
    public static JsonNode resolve(String path, JsonNode context) {
        JsonNode node = context;
        String[] parts = path.split("\\.");
        for (int i = 1; i < parts.length && node != null; i++) {
            node = node.get(parts[i]);
        }
        return node == null ? MissingNode.getInstance() : node;
    }

    /**
     * @param input a step's input
     * @param context the process's context
     * @return the request as a JSON tree: paths replaced by their values (absent ones by null), literals as given
     */
    public static ObjectNode evaluate(ObjectNode input, JsonNode context) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = input.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode v = field.getValue();
            if (isPath(v)) {
                JsonNode resolved = resolve(v.asText(), context);
                out.set(field.getKey(), resolved.isMissingNode() ? JsonNodeFactory.instance.nullNode() : resolved.deepCopy());
            } else if (v.isObject()) {
                out.set(field.getKey(), evaluate((ObjectNode) v, context));
            } else {
                out.set(field.getKey(), v.deepCopy());
            }
        }
        return out;
    }
}

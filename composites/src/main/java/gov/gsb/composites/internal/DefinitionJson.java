package gov.gsb.composites.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.gsb.composites.Compensation;
import gov.gsb.composites.CompositeDefinition;
import gov.gsb.composites.Condition;
import gov.gsb.composites.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A definition's JSON tree to its model and back; the tree has passed the schema check. */
public final class DefinitionJson {

    /** The one mapper of the module: plain JSON, no features beyond Jackson's defaults. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private DefinitionJson() {
    }

    /** @param root a definition that passed the schema @return its model */
    public static CompositeDefinition read(JsonNode root) {
        List<Step> steps = new ArrayList<>();
        root.get("steps").forEach(s -> steps.add(step(s)));
        return new CompositeDefinition(root.get("service").asText(), root.path("version").asInt(0),
                text(root, "description"), steps);
    }

    private static Step step(JsonNode s) {
        List<String> after = new ArrayList<>();
        s.path("after").forEach(a -> after.add(a.asText()));
        return new Step(s.get("name").asText(), s.get("service").asText(), text(s, "method"), after,
                s.has("when") ? condition(s.get("when")) : null, Duration.ofMillis(s.get("timeoutMs").asLong()),
                input(s), s.has("compensation") ? compensation(s.get("compensation")) : null);
    }

    private static Compensation compensation(JsonNode c) {
        return new Compensation(c.get("service").asText(), text(c, "method"),
                c.has("timeoutMs") ? Duration.ofMillis(c.get("timeoutMs").asLong()) : null, input(c));
    }

    private static Condition condition(JsonNode w) {
        String path = w.get("path").asText();
        if (w.has("exists")) {
            return new Condition(path, Condition.Test.EXISTS, w.get("exists"));
        }
        return w.has("equals") ? new Condition(path, Condition.Test.EQUALS, w.get("equals"))
                : new Condition(path, Condition.Test.NOT_EQUALS, w.get("notEquals"));
    }

    private static ObjectNode input(JsonNode node) {
        JsonNode input = node.get("input");
        return input instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** @param d a definition @return its JSON tree, in the schema's shape (fields in a fixed order) */
    public static ObjectNode write(CompositeDefinition d) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("service", d.service());
        root.put("version", d.version());
        if (d.description() != null) {
            root.put("description", d.description());
        }
        ArrayNode steps = root.putArray("steps");
        d.steps().forEach(s -> steps.add(write(s)));
        return root;
    }

    private static ObjectNode write(Step s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("name", s.name());
        o.put("service", s.service());
        putIf(o, "method", s.method());
        if (!s.after().isEmpty()) {
            ArrayNode after = o.putArray("after");
            s.after().forEach(after::add);
        }
        if (s.when() != null) {
            ObjectNode w = o.putObject("when");
            w.put("path", s.when().path());
            w.set(switch (s.when().test()) {
                case EXISTS -> "exists";
                case EQUALS -> "equals";
                case NOT_EQUALS -> "notEquals";
            }, s.when().operand());
        }
        o.put("timeoutMs", s.timeout().toMillis());
        o.set("input", s.input().deepCopy());
        if (s.compensation() != null) {
            Compensation c = s.compensation();
            ObjectNode co = o.putObject("compensation");
            co.put("service", c.service());
            putIf(co, "method", c.method());
            if (c.timeout() != null) {
                co.put("timeoutMs", c.timeout().toMillis());
            }
            co.set("input", c.input().deepCopy());
        }
        return o;
    }

    private static void putIf(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }
}

package gov.gsb.broker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The claims of a JWT whose signature Kafka's validator has already checked: this class only
 * decodes the payload, it verifies nothing. Jackson is used because every broker has it on its
 * classpath (kafka_2.13 depends on jackson-databind), so the plugin ships no JSON library.
 */
public final class TokenClaims {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode payload;

    private TokenClaims(JsonNode payload) {
        this.payload = payload;
    }

    /**
     * Decodes the payload of a compact JWT ({@code header.payload.signature}).
     *
     * @throws IllegalArgumentException if the text is not a JWT with a JSON object as payload
     */
    public static TokenClaims of(String jwt) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a JWT has three dot-separated parts, this one has " + parts.length);
        }
        try {
            JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (payload == null || !payload.isObject()) {
                throw new IllegalArgumentException("the JWT payload is not a JSON object");
            }
            return new TokenClaims(payload);
        } catch (IOException e) {
            // Not e's message: Jackson quotes the input, and tokens are never logged.
            throw new IllegalArgumentException("the JWT payload is not JSON (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** A claim that holds text, if present and not blank. */
    public Optional<String> string(String claim) {
        JsonNode node = find(claim);
        return node != null && node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }

    /**
     * A claim that lists texts, in order and without repeats. A claim that holds a single text
     * counts as a list of one (some providers write one group that way); other values are skipped.
     */
    public Set<String> strings(String claim) {
        JsonNode node = find(claim);
        Set<String> values = new LinkedHashSet<>();
        if (node == null) {
            return values;
        }
        if (node.isTextual()) {
            addIfNotBlank(values, node.asText());
        } else if (node.isArray()) {
            node.forEach(element -> {
                if (element.isTextual()) {
                    addIfNotBlank(values, element.asText());
                }
            });
        }
        return values;
    }

    private static void addIfNotBlank(Set<String> values, String value) {
        if (!value.isBlank()) {
            values.add(value);
        }
    }

    /**
     * A top-level claim of that exact name wins (claim names such as URLs may contain dots);
     * otherwise the name is a path of nested claims ({@code realm_access.roles}).
     */
    private JsonNode find(String claim) {
        if (payload.has(claim)) {
            return payload.get(claim);
        }
        JsonNode node = payload;
        for (String part : claim.split("\\.")) {
            node = node.isObject() ? node.get(part) : null;
            if (node == null) {
                return null;
            }
        }
        return node;
    }
}

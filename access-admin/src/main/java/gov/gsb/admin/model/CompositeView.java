package gov.gsb.admin.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.List;

/**
 * A composite service's definition as stored on {@code gsb.composites}.
 *
 * @param version the latest version: what new calls run on
 * @param versions every stored version, lowest first (calls in progress finish on the version they started with)
 * @param definition the latest version, in the published schema's shape
 */
public record CompositeView(int version, List<Integer> versions, JsonNode definition) {

    // Strings stay quoted: unquoted, YAML 1.1 would read a literal such as "0344" or "no" back as a number or boolean.
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).disable(YAMLGenerator.Feature.SPLIT_LINES));

    /** Copies the list. */
    public CompositeView {
        versions = List.copyOf(versions);
    }

    /** The definition as YAML, for people (the portal shows it and its edit form starts from it). */
    @JsonIgnore
    public String yaml() {
        try {
            return YAML.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            return definition.toPrettyString();
        }
    }
}

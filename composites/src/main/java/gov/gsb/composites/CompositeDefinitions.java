package gov.gsb.composites;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import gov.gsb.composites.internal.DefinitionJson;
import gov.gsb.composites.internal.SchemaCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a composite definition (JSON or YAML), checks it against the published JSON Schema
 * ({@value #SCHEMA_RESOURCE}) and then with {@link CompositeValidator}: what access-admin calls at registration.
 *
 * <pre>{@code
 * CompositeDefinitions.Parsed parsed = CompositeDefinitions.parse(text, Format.YAML, catalog);
 * if (!parsed.problems().isEmpty()) {
 *     return Result.invalid(parsed.problems());          // e.g. steps[1].service: unknown service tax.nothing: ...
 * }
 * CompositeDefinition registered = parsed.definition().orElseThrow().withVersion(previous + 1);
 * producer.send(new ProducerRecord<>(DefinitionTopic.TOPIC, DefinitionTopic.key(registered),
 *         DefinitionTopic.value(registered)));
 * }</pre>
 */
public final class CompositeDefinitions {

    /** The published JSON Schema on the classpath (also at the {@code $id} it declares). */
    public static final String SCHEMA_RESOURCE = SchemaCheck.RESOURCE;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * A definition read and checked.
     *
     * @param definition the definition, present when it could be read (even with semantic problems)
     * @param problems everything wrong with it; empty if it may be registered
     */
    public record Parsed(Optional<CompositeDefinition> definition, List<Problem> problems) {

        /** Copies the list. */
        public Parsed {
            problems = List.copyOf(problems);
        }

        /**
         * @return the definition
         * @throws InvalidDefinitionException (fatal) listing the problems, if there are any
         */
        public CompositeDefinition orThrow() {
            if (!problems.isEmpty() || definition.isEmpty()) {
                throw new InvalidDefinitionException(problems);
            }
            return definition.get();
        }
    }

    private CompositeDefinitions() {
    }

    /**
     * @param text the definition
     * @param format its format
     * @param catalog the catalog the services are looked up in
     * @return the definition and its problems (syntax, schema, then names, cycles and paths)
     */
    public static Parsed parse(String text, Format format, ServiceCatalog catalog) {
        Parsed structural = parseStructure(text, format);
        if (structural.definition().isEmpty()) {
            return structural;
        }
        List<Problem> problems = new ArrayList<>(CompositeValidator.validate(structural.definition().get(), catalog));
        return new Parsed(structural.definition(), problems);
    }

    /**
     * Syntax and JSON Schema only, without the catalog: what the orchestrator checks when it reads a definition
     * access-admin registered.
     *
     * @param text the definition
     * @param format its format
     * @return the definition, or the problems that kept it from being read
     */
    public static Parsed parseStructure(String text, Format format) {
        JsonNode tree;
        try {
            tree = (format == Format.YAML ? YAML : DefinitionJson.MAPPER).readTree(text);
        } catch (JsonProcessingException e) {
            return new Parsed(Optional.empty(), List.of(new Problem("(definition)", "not valid " + format + ": "
                    + e.getOriginalMessage() + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()))));
        }
        if (tree == null || !tree.isObject()) {
            return new Parsed(Optional.empty(), List.of(new Problem("(definition)", "must be an object")));
        }
        List<Problem> problems = SchemaCheck.problems(tree);
        if (!problems.isEmpty()) {
            return new Parsed(Optional.empty(), problems);
        }
        return new Parsed(Optional.of(DefinitionJson.read(tree)), List.of());
    }

    /** @param d a definition @return it as JSON, in the schema's shape: what {@link DefinitionTopic} stores */
    public static String toJson(CompositeDefinition d) {
        return DefinitionJson.write(d).toString();
    }

    /** @return the published JSON Schema's text, e.g. for access-admin to serve at its API */
    public static String schema() {
        try (InputStream in = CompositeDefinitions.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

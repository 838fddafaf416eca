package gov.gsb.composites;

import java.nio.charset.StandardCharsets;

/**
 * How registered definitions are kept: on the compacted topic {@value #TOPIC}, one record per version, key
 * {@code <service>@<version>} (e.g. {@code orchestrator.move-house@3}), value the definition's JSON in the schema's
 * shape, version included (UTF-8). Writer: access-admin, after {@link CompositeDefinitions#parse} found no problem.
 * Reader: the orchestrator, which reads the topic from the start, runs new calls on each composite's highest
 * version and finishes a call on the version it started with, which is why no version is ever overwritten.
 * Retiring a composite: a tombstone for each of its keys. No Kafka types here, only the bytes both sides agree on.
 */
public final class DefinitionTopic {

    /** The compacted topic of the definitions. */
    public static final String TOPIC = "gsb.composites";

    private DefinitionTopic() {
    }

    /** @param d a registered definition @return its record's key */
    public static byte[] key(CompositeDefinition d) {
        return (d.service() + "@" + d.version()).getBytes(StandardCharsets.UTF_8);
    }

    /** @param d a registered definition (version 1 or more) @return its record's value */
    public static byte[] value(CompositeDefinition d) {
        if (d.version() < 1) {
            throw new IllegalArgumentException("register a definition with a version (withVersion) before storing it");
        }
        return CompositeDefinitions.toJson(d).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param value a record's value
     * @return the definition
     * @throws InvalidDefinitionException (fatal for this record) if it is not a definition the schema accepts
     */
    public static CompositeDefinition read(byte[] value) {
        return CompositeDefinitions.parseStructure(new String(value, StandardCharsets.UTF_8), Format.JSON).orThrow();
    }
}

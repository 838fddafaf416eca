package gov.gsb.sdk.internal.registry;

import gov.gsb.schemas.Compatibility;
import gov.gsb.sdk.SchemaIncompatibleException;
import gov.gsb.sdk.SchemaNotRegisteredException;
import gov.gsb.sdk.SchemaRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * A schema registry in memory, for tests ({@code SchemaRegistry.inMemory()}). It behaves like the bus's registry:
 * BACKWARD compatibility against the latest version of a subject, decided by Avro's reader/writer check (as
 * Apicurio and Confluent decide it) and explained with {@link Compatibility}; Confluent-like ids, from 1, one per
 * distinct schema text and shared by every subject holding that text; the Java-only {@code avro.java.string}
 * property ignored, as the HTTP client leaves it out. One lock guards it: calls are rare, the serdes cache.
 */
public final class InMemorySchemaRegistry implements SchemaRegistry {

    private final Map<String, List<Version>> subjects = new HashMap<>();
    private final Map<String, Integer> idsByText = new HashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private int nextId = 1;

    @Override
    public synchronized int register(String subject, Schema schema) {
        Objects.requireNonNull(subject, "subject");
        String text = SchemaText.of(Objects.requireNonNull(schema, "schema"));
        List<Version> versions = subjects.getOrDefault(subject, List.of());
        Optional<Version> known = versions.stream().filter(v -> v.text().equals(text)).findFirst();
        if (known.isPresent()) {
            return known.get().id();
        }
        Schema candidate = new Schema.Parser().parse(text);
        if (!versions.isEmpty()) {
            requireBackward(subject, candidate, versions.get(versions.size() - 1).schema());
        }
        int id = idsByText.computeIfAbsent(text, t -> nextId++);
        schemasById.putIfAbsent(id, candidate);
        subjects.computeIfAbsent(subject, s -> new ArrayList<>()).add(new Version(id, text, candidate));
        return id;
    }

    @Override
    public synchronized int idOf(String subject, Schema schema) {
        String text = SchemaText.of(Objects.requireNonNull(schema, "schema"));
        return subjects.getOrDefault(Objects.requireNonNull(subject, "subject"), List.of()).stream()
                .filter(v -> v.text().equals(text)).findFirst().map(Version::id)
                .orElseThrow(() -> new SchemaNotRegisteredException("schema " + schema.getFullName()
                        + " is not registered under subject " + subject + " in the in-memory registry: register it "
                        + "first (registry.register(subject, schema)), or let the serializer register it "
                        + "(auto-register on)", null));
    }

    @Override
    public synchronized Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaNotRegisteredException("the in-memory registry has no schema of id " + id
                    + " (it holds ids 1 to " + (nextId - 1) + "): the data was written against another registry", null);
        }
        return schema;
    }

    @Override
    public synchronized Optional<Schema> latest(String subject) {
        List<Version> versions = subjects.getOrDefault(Objects.requireNonNull(subject, "subject"), List.of());
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1).schema());
    }

    /**
     * @param subject a subject
     * @return the ids of its versions, oldest first; empty for an unknown subject
     */
    public synchronized List<Integer> versionIds(String subject) {
        return subjects.getOrDefault(subject, List.of()).stream().map(Version::id).toList();
    }

    @Override
    public String toString() {
        return "in-memory schema registry";
    }

    private static void requireBackward(String subject, Schema candidate, Schema latest) {
        SchemaCompatibilityType verdict = SchemaCompatibility.checkReaderWriterCompatibility(candidate, latest)
                .getType();
        if (verdict == SchemaCompatibilityType.INCOMPATIBLE) {
            List<String> problems = Compatibility.problems(candidate, latest);
            throw new SchemaIncompatibleException(subject, problems.isEmpty()
                    ? List.of("Avro's reader/writer check refuses it") : problems, null);
        }
    }

    private record Version(int id, String text, Schema schema) {
    }
}

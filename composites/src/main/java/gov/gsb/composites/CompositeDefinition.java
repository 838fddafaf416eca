package gov.gsb.composites;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A composite service: a catalog entry whose implementation is a declared process over other services. Parsed and
 * checked by {@link CompositeDefinitions}; kept, one record per version, on {@link DefinitionTopic#TOPIC}.
 *
 * <pre>{@code
 * CompositeDefinitions.Parsed parsed = CompositeDefinitions.parse(yamlText, Format.YAML, catalog);
 * }</pre>
 *
 * @param service the composite's name, {@code <provider>.<name>}, e.g. {@code orchestrator.move-house}
 * @param version its version: 1 at registration, one more each time it changes (0 before registration)
 * @param description what it does, or null
 * @param steps its steps, at least one, names unique
 */
public record CompositeDefinition(String service, int version, String description, List<Step> steps) {

    /** @throws IllegalArgumentException (fatal) if a part is missing or two steps share a name */
    public CompositeDefinition {
        Objects.requireNonNull(service, "service");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a composite has at least one step");
        }
        if (version < 0) {
            throw new IllegalArgumentException("version " + version + " is negative");
        }
    }

    /** @return the steps by name, in the order of the definition */
    public Map<String, Step> stepsByName() {
        Map<String, Step> byName = new LinkedHashMap<>();
        steps.forEach(s -> byName.putIfAbsent(s.name(), s));
        return byName;
    }

    /** @param name a step's name @return that step */
    public Optional<Step> step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** @param newVersion the version access-admin gives it @return this definition at that version */
    public CompositeDefinition withVersion(int newVersion) {
        return new CompositeDefinition(service, newVersion, description, steps);
    }
}

package gov.gsb.admin.catalog;

import gov.gsb.composites.CompositeDefinition;
import gov.gsb.composites.DefinitionTopic;
import gov.gsb.composites.InvalidDefinitionException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The definitions topic's texts, each parsed once: reading checks the schema, and the catalog's pages look
 * definitions up often. A text is kept only while the store still holds it, so the cache is as large as the store,
 * not as every text it ever held. Thread-safe.
 */
final class ParsedDefinitions {

    private static final Logger LOG = Logger.getLogger(ParsedDefinitions.class);

    private final Map<String, Optional<CompositeDefinition>> parsed = new ConcurrentHashMap<>();

    /**
     * @param texts every text the store holds now
     * @return their definitions, in the same order; a text that is not a definition is skipped (and logged)
     */
    List<CompositeDefinition> readAll(Collection<String> texts) {
        List<CompositeDefinition> out = texts.stream().map(t -> parsed.computeIfAbsent(t, ParsedDefinitions::parse))
                .flatMap(Optional::stream).toList();
        if (parsed.size() > texts.size()) {
            parsed.keySet().retainAll(new HashSet<>(texts)); // texts removed from the topic since the last read
        }
        return out;
    }

    /** How many texts are cached. */
    int size() {
        return parsed.size();
    }

    private static Optional<CompositeDefinition> parse(String json) {
        try {
            return Optional.of(DefinitionTopic.read(json.getBytes(StandardCharsets.UTF_8)));
        } catch (InvalidDefinitionException e) {
            LOG.warnf("skipping a record of the definitions topic that is not a definition: %s", e.getMessage());
            return Optional.empty();
        }
    }
}

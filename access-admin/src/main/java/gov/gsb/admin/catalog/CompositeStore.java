package gov.gsb.admin.catalog;

import gov.gsb.admin.GsbConfig;
import gov.gsb.admin.kafka.KafkaClients;
import gov.gsb.admin.kafka.TopicBacked;
import gov.gsb.admin.kafka.TopicStore;
import gov.gsb.composites.CompositeDefinition;
import gov.gsb.composites.DefinitionTopic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The composite services' definitions on the compacted topic {@code gsb.composites}, in the record format of
 * {@link DefinitionTopic} (key {@code <service>@<version>}, value the definition's JSON), which the orchestrator
 * reads. Every version is kept: a call in progress finishes on the version it started with. access-admin is the
 * topic's only writer.
 */
@ApplicationScoped
public class CompositeStore extends TopicBacked<String> {

    private final KafkaClients kafka;
    private final String topic;
    private final ParsedDefinitions parsed = new ParsedDefinitions();

    @Inject
    public CompositeStore(KafkaClients kafka, GsbConfig config) {
        super("the composites' definitions are not loaded yet");
        this.kafka = kafka;
        this.topic = config.topics().composites();
    }

    /** Reads the definitions from their topic (at start). */
    public void load() {
        open(new TopicStore<>(topic, kafka.textProducer(), kafka.textConsumer(), kafka.timeout()));
    }

    /** Every stored version of a composite, lowest first. */
    public List<CompositeDefinition> versions(String service) {
        TreeMap<Integer, CompositeDefinition> byVersion = new TreeMap<>();
        for (CompositeDefinition d : all()) {
            if (d.service().equals(service)) {
                byVersion.put(d.version(), d);
            }
        }
        return List.copyOf(byVersion.values());
    }

    /** The highest version of a composite. */
    public Optional<CompositeDefinition> latest(String service) {
        List<CompositeDefinition> all = versions(service);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Every stored version of every composite. */
    public List<CompositeDefinition> all() {
        return parsed.readAll(store().values());
    }

    /** Writes one version (a new key: versions are never overwritten) and waits until it is read back. */
    void put(CompositeDefinition d) {
        store().put(key(d), new String(DefinitionTopic.value(d), StandardCharsets.UTF_8));
    }

    /** Removes every version of a composite (a tombstone per key): the orchestrator stops running it. */
    void removeAll(String service) {
        for (CompositeDefinition d : versions(service)) {
            store().put(key(d), null);
        }
    }

    private static String key(CompositeDefinition d) {
        return new String(DefinitionTopic.key(d), StandardCharsets.UTF_8);
    }
}

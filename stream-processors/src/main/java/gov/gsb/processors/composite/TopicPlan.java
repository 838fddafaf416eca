package gov.gsb.processors.composite;

import gov.gsb.composites.CompositeDefinition;
import gov.gsb.sdk.Service;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which topics the orchestrator reads, from the registered composites and the topics that exist: each composite's
 * requests topic, and its reply topic of each component service. A composite whose requests topic does not exist
 * yet (no SERVE grant made it) is left out until it does; a component whose reply topic does not exist (no REQUEST
 * grant) fails its steps at once with {@code STEP_INVALID}. A change of plan restarts the topology.
 *
 * @param compositeByRequestsTopic each composite's requests topic to its name
 * @param replyTopics the reply topics read
 * @param partitionCounts the partitions of every existing topic of interest
 */
public record TopicPlan(Map<String, String> compositeByRequestsTopic, Set<String> replyTopics,
                        Map<String, Integer> partitionCounts) {

    /**
     * @param definitions the registered composites
     * @param agency the orchestrator's agency
     * @param existing the partitions of each topic that exists, among those asked for by {@link #wanted}
     * @return the plan
     */
    public static TopicPlan of(Definitions definitions, String agency, Map<String, Integer> existing) {
        Map<String, String> composites = new TreeMap<>();
        for (CompositeDefinition d : definitions.all()) {
            String topic = Service.parse(d.service()).requestsTopic();
            if (existing.containsKey(topic)) {
                composites.put(topic, d.service());
            }
        }
        Set<String> replies = new TreeSet<>();
        for (String component : definitions.components()) {
            String topic = Service.parse(component).replyTopic(agency);
            if (existing.containsKey(topic)) {
                replies.add(topic);
            }
        }
        return new TopicPlan(Map.copyOf(composites), Set.copyOf(replies), Map.copyOf(existing));
    }

    /** @return every topic the plan may read, whether it exists or not */
    public static Set<String> wanted(Definitions definitions, String agency) {
        Set<String> topics = new TreeSet<>();
        definitions.services().forEach(s -> topics.add(Service.parse(s).requestsTopic()));
        definitions.components().forEach(c -> topics.add(Service.parse(c).replyTopic(agency)));
        return topics;
    }

    /** @return whether there is anything to run */
    public boolean runnable() {
        return !compositeByRequestsTopic.isEmpty();
    }

    /** @param topic a topic @return its partitions, 0 if it does not exist */
    public int partitions(String topic) {
        return partitionCounts.getOrDefault(topic, 0);
    }
}

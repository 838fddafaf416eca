package gov.gsb.admin.grants;

import gov.gsb.admin.GsbConfig;
import gov.gsb.admin.kafka.KafkaClients;
import gov.gsb.admin.kafka.TopicBacked;
import gov.gsb.admin.kafka.TopicStore;
import gov.gsb.bus.Grant;
import gov.gsb.bus.GrantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every {@link Grant}, active and revoked, from the compacted topic {@code gsb.grants} (keyed by id), held in memory
 * and kept up to date by following the topic.
 */
@ApplicationScoped
public class Grants extends TopicBacked<Grant> {

    private final KafkaClients kafka;
    private final String topic;

    @Inject
    public Grants(KafkaClients kafka, GsbConfig config) {
        super("the grants are not loaded yet");
        this.kafka = kafka;
        this.topic = config.topics().grants();
    }

    /** Reads the grants from their topic (at start). */
    public void load() {
        open(new TopicStore<>(topic, kafka.producer(), kafka.consumer(Grant.class), kafka.timeout()));
    }

    /** The grant of an id. */
    public Optional<Grant> find(String id) {
        return store().get(id);
    }

    /** Every grant, oldest first. */
    public List<Grant> all() {
        return store().values().stream().sorted(Comparator.comparing(Grant::getGrantedAt).thenComparing(Grant::getId)).toList();
    }

    /** The active grants of a service, oldest first. */
    public List<Grant> activeOn(String service) {
        return all().stream().filter(g -> g.getStatus() == GrantStatus.ACTIVE && g.getService().equals(service)).toList();
    }

    /** Writes a grant and waits until it is read back. */
    void put(Grant grant) {
        store().put(grant.getId(), grant);
    }
}

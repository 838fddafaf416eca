package gov.gsb.admin.grants;

import gov.gsb.admin.GsbConfig;
import gov.gsb.admin.kafka.KafkaClients;
import gov.gsb.admin.kafka.TopicStore;
import gov.gsb.bus.Grant;
import gov.gsb.bus.GrantStatus;
import jakarta.annotation.PreDestroy;
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
public class Grants implements AutoCloseable {

    private final KafkaClients kafka;
    private final String topic;
    private volatile TopicStore<Grant> store;

    @Inject
    public Grants(KafkaClients kafka, GsbConfig config) {
        this.kafka = kafka;
        this.topic = config.topics().grants();
    }

    /** Reads the grants from their topic (at start). */
    public void load() {
        TopicStore<Grant> s = new TopicStore<>(topic, kafka.producer(), kafka.consumer(Grant.class), kafka.timeout());
        s.start();
        store = s;
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

    private TopicStore<Grant> store() {
        TopicStore<Grant> s = store;
        if (s == null) {
            throw new IllegalStateException("the grants are not loaded yet");
        }
        return s;
    }

    @PreDestroy
    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
    }
}

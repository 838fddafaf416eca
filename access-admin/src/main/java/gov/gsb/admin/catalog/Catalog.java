package gov.gsb.admin.catalog;

import gov.gsb.admin.GsbConfig;
import gov.gsb.admin.kafka.KafkaClients;
import gov.gsb.admin.kafka.TopicBacked;
import gov.gsb.admin.kafka.TopicStore;
import gov.gsb.bus.ServiceDescriptor;
import gov.gsb.bus.ServiceStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The service catalog: every {@link ServiceDescriptor} on the compacted topic {@code gsb.catalog}, keyed
 * {@code <provider>.<name>}, held in memory and kept up to date by following the topic.
 */
@ApplicationScoped
public class Catalog extends TopicBacked<ServiceDescriptor> {

    private final KafkaClients kafka;
    private final String topic;

    @Inject
    public Catalog(KafkaClients kafka, GsbConfig config) {
        super("the catalog is not loaded yet");
        this.kafka = kafka;
        this.topic = config.topics().catalog();
    }

    /** Reads the catalog from its topic (at start). */
    public void load() {
        open(new TopicStore<>(topic, kafka.producer(), kafka.consumer(ServiceDescriptor.class),
                kafka.timeout()));
    }

    /** The service of an id ({@code <provider>.<name>}). */
    public Optional<ServiceDescriptor> find(String id) {
        return store().get(id);
    }

    /** Whether the service exists and is ACTIVE. */
    public boolean isActive(String id) {
        return find(id).map(d -> d.getStatus() == ServiceStatus.ACTIVE).orElse(false);
    }

    /** Every service, by id. */
    public List<ServiceDescriptor> all() {
        return store().values().stream().sorted(Comparator.comparing(Catalog::id)).toList();
    }

    /** Writes a service's entry and waits until it is read back. */
    void put(ServiceDescriptor descriptor) {
        store().put(id(descriptor), descriptor);
    }

    /** A service's id, {@code <provider>.<name>}: its key on the topic. */
    public static String id(ServiceDescriptor d) {
        return d.getProviderAgency() + "." + d.getName();
    }
}

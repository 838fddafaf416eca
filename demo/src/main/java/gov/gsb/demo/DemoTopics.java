package gov.gsb.demo;

import gov.gsb.sdk.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates, if missing, every topic the demo's agencies use: the services' topics, requests,
 * reply and dead-letter topics (all named by {@link Service}), and the bus's own {@code gsb.calls},
 * {@code gsb.audit} and {@code gsb.catalog} (compacted). The brokers never create topics on
 * their own ({@code auto.create.topics.enable=false}).
 *
 * <p>A stopgap: the catalog service will own the bus's topics; until then this is the one
 * place that makes them. Idempotent: existing topics are left as they are.
 *
 * <pre>{@code
 * try (Admin admin = Admin.create(Map.of("bootstrap.servers", "127.0.0.1:9092"))) {
 *     DemoTopics.ensure(admin, Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class DemoTopics {

    /** Every call's CallRecord. */
    public static final String CALLS = "gsb.calls";
    /** Every administrative change. */
    public static final String AUDIT = "gsb.audit";
    /** The service catalog, compacted: the latest descriptor per service. */
    public static final String CATALOG = "gsb.catalog";

    private static final int PARTITIONS = 3;

    private DemoTopics() {
    }

    /** @return every topic the demo needs, with its partitions and settings */
    static List<NewTopic> required() {
        Map<String, NewTopic> topics = new LinkedHashMap<>();
        for (DemoServices.TwoWay s : DemoServices.TWO_WAY) {
            add(topics, s.service().requestsTopic(), PARTITIONS);
            // A request that cannot be answered (no reply topic) is dead-lettered by its provider.
            add(topics, s.service().deadLetterTopic(s.service().provider()), PARTITIONS);
            for (String requester : s.requesters()) {
                add(topics, s.service().replyTopic(requester), PARTITIONS);
            }
        }
        for (DemoServices.Events s : DemoServices.EVENTS) {
            add(topics, s.service().topic(), PARTITIONS);
            for (String subscriber : s.subscribers()) {
                add(topics, s.service().deadLetterTopic(subscriber), PARTITIONS);
            }
        }
        add(topics, CALLS, PARTITIONS);
        add(topics, AUDIT, 1); // one partition: administrative changes are read in the order they were made
        topics.put(CATALOG, new NewTopic(CATALOG, Optional.of(1), Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        return List.copyOf(topics.values());
    }

    private static void add(Map<String, NewTopic> topics, String name, int partitions) {
        // Replication: the broker's default (1 on the local stack, more on a real cluster).
        topics.put(name, new NewTopic(name, Optional.of(partitions), Optional.empty()));
    }

    /** @return the names of every topic the demo needs */
    public static List<String> names() {
        return required().stream().map(NewTopic::name).toList();
    }

    /**
     * Creates the demo's topics that do not exist yet.
     *
     * @param admin an admin client of the bus
     * @param timeout how long to wait for the brokers
     * @return the topics this call created (empty when all existed)
     * @throws IllegalStateException (fatal) if the brokers refused or did not answer in time
     */
    public static List<String> ensure(Admin admin, Duration timeout) {
        try {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = required().stream().filter(t -> !existing.contains(t.name())).toList();
            List<String> created = new ArrayList<>();
            for (var result : admin.createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    created.add(result.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) { // made meanwhile by another instance
                        throw e;
                    }
                }
            }
            return created;
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("could not create the demo's topics (" + cause + "): is the bus at "
                    + "GSB_BOOTSTRAP running? (./gsb status)", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the demo's topics", e);
        }
    }
}

package gov.gsb.processors.internal;

import gov.gsb.processors.AuditTopology;
import gov.gsb.processors.CallLogTopology;
import gov.gsb.processors.ProcessorSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics the processors read and dead-letter to when they are missing (on a fresh bus, before the SDKs
 * or access-admin wrote anything), so that the application does not stop for lack of a source topic. Existing
 * topics are left as they are; a bus that does not let the processors create topics gets a warning.
 */
public final class TopicSetup {

    /** Partitions of a source topic the processors create (the SDKs' callers spread over them). */
    static final int SOURCE_PARTITIONS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

    private TopicSetup() {
    }

    /**
     * @param admin the admin client
     * @param s the topics
     */
    public static void ensure(Admin admin, ProcessorSettings s) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        wanted.put(s.callsTopic(), SOURCE_PARTITIONS);
        wanted.put(s.auditTopic(), SOURCE_PARTITIONS);
        wanted.put(CallLogTopology.DEAD_LETTERS, 1);
        wanted.put(AuditTopology.DEAD_LETTERS, 1);
        List<NewTopic> topics = new ArrayList<>();
        wanted.forEach((name, partitions) -> topics.add(new NewTopic(name, Optional.of(partitions), Optional.empty())));
        admin.createTopics(topics).values().forEach((name, future) -> {
            try {
                future.get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
                LOG.info("created topic {}", name);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    LOG.warn("could not create topic {} ({}): create it, or let the processors' client create topics",
                            name, e.getCause().toString());
                }
            } catch (Exception e) {
                LOG.warn("could not create topic {} ({})", name, e.toString());
            }
        });
    }
}

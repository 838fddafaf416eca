package gov.gsb.processors.composite;

import gov.gsb.sdk.SchemaRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composite-services orchestrator: reads the registered definitions, runs the {@link CompositeTopology} over the
 * topics that exist, and restarts it when a composite is added or a topic it needs appears.
 *
 * <pre>{@code
 * try (Orchestrator o = Orchestrator.start(OrchestratorSettings.fromEnv(System.getenv()))) {
 *     o.awaitEnd();
 * }
 * }</pre>
 */
public final class Orchestrator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Orchestrator.class);

    private final OrchestratorSettings settings;
    private final SchemaRegistry registry;
    private final Definitions definitions = new Definitions();
    private final KafkaConsumer<byte[], byte[]> definitionsConsumer;
    private final Admin admin;
    private final Thread watcher;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean closing;
    private volatile KafkaStreams streams;
    private volatile TopicPlan plan;

    private Orchestrator(OrchestratorSettings settings) {
        this.settings = settings;
        this.registry = SchemaRegistry.http(settings.registryUrl());
        Map<String, Object> clients = OrchestratorKafka.clients(settings);
        this.admin = Admin.create(clients);
        this.definitionsConsumer = new KafkaConsumer<>(clients, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.watcher = new Thread(this::watch, "gsb-orchestrator-definitions");
        this.watcher.setDaemon(true);
    }

    /**
     * Reads the definitions, then starts the topology if any composite can run.
     *
     * @param settings the settings
     * @return the running orchestrator; close it to stop
     * @throws org.apache.kafka.common.KafkaException (fatal) if the bus refuses its login or its definitions topic
     */
    public static Orchestrator start(OrchestratorSettings settings) {
        LOG.info("starting: {}", settings);
        Orchestrator o = new Orchestrator(settings);
        o.definitions.load(o.definitionsConsumer, settings.definitionsTopic(), Duration.ofSeconds(30));
        LOG.info("composites registered: {}", o.definitions.services());
        o.replan();
        o.watcher.start();
        return o;
    }

    /** @return the registered composites as read so far */
    public Definitions definitions() {
        return definitions;
    }

    /** @return the state of the running topology, or null while none runs */
    public KafkaStreams.State state() {
        KafkaStreams s = streams;
        return s == null ? null : s.state();
    }

    /** @return the topics read now */
    public TopicPlan plan() {
        return plan;
    }

    /** Blocks until closed. */
    public void awaitEnd() throws InterruptedException {
        ended.await();
    }

    private void watch() {
        long nextPlan = System.nanoTime() + settings.refresh().toNanos();
        while (!closing) {
            try {
                if (definitionsConsumer.assignment().isEmpty()) {
                    definitions.load(definitionsConsumer, settings.definitionsTopic(), Duration.ofSeconds(5));
                } else {
                    definitionsConsumer.poll(Duration.ofMillis(200)).forEach(definitions::apply);
                }
                if (System.nanoTime() >= nextPlan) {
                    replan();
                    nextPlan = System.nanoTime() + settings.refresh().toNanos();
                }
            } catch (org.apache.kafka.common.errors.WakeupException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("reading the definitions failed, trying again: {}", e.toString());
                sleep(1000);
            }
        }
    }

    /** Looks at which topics exist; restarts the topology if that changes what it reads. */
    synchronized void replan() {
        if (closing) {
            return;
        }
        TopicPlan next = TopicPlan.of(definitions, settings.agency(), existing(TopicPlan.wanted(definitions, settings.agency())));
        if (next.equals(plan) && streams != null) {
            return;
        }
        warnAboutPartitions(next);
        KafkaStreams old = streams;
        if (old != null) {
            LOG.info("restarting the topology: the composites or their topics changed");
            old.close(Duration.ofSeconds(30));
            streams = null;
        }
        plan = next;
        if (!next.runnable()) {
            LOG.info("no composite can run yet (none registered, or no requests topic): waiting");
            return;
        }
        KafkaStreams s = new KafkaStreams(CompositeTopology.build(next, definitions, registry, settings),
                OrchestratorKafka.streams(settings));
        s.setUncaughtExceptionHandler(e -> {
            // A registry or bus outage: the thread is replaced and its tasks resume from their last commit.
            LOG.error("a stream thread failed ({}); replacing it, its tasks resume from their last commit", e.toString());
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        s.start();
        streams = s;
        LOG.info("running composites {} over reply topics {}", next.compositeByRequestsTopic().values(), next.replyTopics());
    }

    private Map<String, Integer> existing(Set<String> topics) {
        Map<String, Integer> found = new HashMap<>();
        if (topics.isEmpty()) {
            return found;
        }
        Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(topics).topicNameValues();
        described.forEach((topic, future) -> {
            try {
                found.put(topic, future.get(30, TimeUnit.SECONDS).partitions().size());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    LOG.warn("cannot describe topic {} ({}): leaving it out", topic, e.getCause().toString());
                }
            } catch (Exception e) {
                LOG.warn("cannot describe topic {} ({}): leaving it out", topic, e.toString());
            }
        });
        return found;
    }

    private static void warnAboutPartitions(TopicPlan p) {
        int most = p.compositeByRequestsTopic().keySet().stream().mapToInt(p::partitions).max().orElse(0);
        p.replyTopics().stream().filter(t -> p.partitions(t) < most).forEach(t -> LOG.warn("reply topic {} has {} "
                + "partition(s), fewer than a composite's requests topic ({}): steps of composite calls on the higher "
                + "partitions fail with STEP_INVALID until it has as many", t, p.partitions(t), most));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the topology (committing what it did) and the definitions reader. */
    @Override
    public void close() {
        synchronized (this) {
            closing = true;
        }
        definitionsConsumer.wakeup();
        try {
            watcher.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        KafkaStreams s = streams;
        if (s != null) {
            s.close(Duration.ofSeconds(30));
        }
        definitionsConsumer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
        ended.countDown();
    }
}

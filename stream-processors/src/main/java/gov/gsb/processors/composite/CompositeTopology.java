package gov.gsb.processors.composite;

import gov.gsb.sdk.SchemaRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The orchestrator's topology: one sub-topology, so that a composite's requests and its steps' replies are read by
 * the same task (partition p of every source topic goes to task p):
 *
 * <pre>
 * gsb.P.C.requests (each composite) ──► composite-requests ─┐
 *                                                           ├─► composite-process [composite-processes,
 * gsb.P.S.replies.orchestrator (each component) ─► step-replies ┘                    composite-step-calls]
 *                                                               ─► composite-out ─► gsb.P.S.requests (steps)
 *                                                                                ─► gsb.P.C.replies.X (callers)
 *                                                                                ─► gsb.calls (CallRecords)
 * </pre>
 *
 * Both stores are in memory and changelogged: they hold only the calls in progress, and are rebuilt from their
 * changelog topics after a restart.
 */
public final class CompositeTopology {

    /** The source of the composites' request topics. */
    public static final String REQUESTS_SOURCE = "composite-requests";
    /** The source of the orchestrator's reply topics. */
    public static final String REPLIES_SOURCE = "step-replies";
    /** The processor. */
    public static final String PROCESS = "composite-process";
    /** The sink to every destination. */
    public static final String SINK = "composite-out";

    private CompositeTopology() {
    }

    /**
     * @param plan which topics to read and how many partitions each has
     * @param definitions the registered composites
     * @param registry the schema registry
     * @param settings the orchestrator's settings
     * @return the topology
     */
    public static Topology build(TopicPlan plan, Definitions definitions, SchemaRegistry registry,
                                 OrchestratorSettings settings) {
        return build(plan, definitions, registry, settings, System::currentTimeMillis);
    }

    /** As {@link #build(TopicPlan, Definitions, SchemaRegistry, OrchestratorSettings)}, on a clock of the caller's. */
    static Topology build(TopicPlan plan, Definitions definitions, SchemaRegistry registry, OrchestratorSettings settings,
                          LongSupplier clock) {
        Topology t = new Topology();
        List<String> requests = List.copyOf(plan.compositeByRequestsTopic().keySet());
        t.addSource(REQUESTS_SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), requests.toArray(String[]::new));
        String[] parents = {REQUESTS_SOURCE};
        if (!plan.replyTopics().isEmpty()) {
            t.addSource(REPLIES_SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                    plan.replyTopics().toArray(String[]::new));
            parents = new String[] {REQUESTS_SOURCE, REPLIES_SOURCE};
        }
        Map<String, String> composites = Map.copyOf(plan.compositeByRequestsTopic());
        Duration tick = settings.tick();
        t.addProcessor(PROCESS, () -> new CompositeProcessor(definitions, composites,
                new StepCalls(registry, settings.agency(), plan::partitions),
                new Replies(registry, settings.autoRegister(), settings.callsTopic()), settings.agency(), tick, clock),
                parents);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(CompositeProcessor.PROCESSES),
                Serdes.String(), Serdes.ByteArray()).withCachingDisabled(), PROCESS);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(CompositeProcessor.STEP_CALLS),
                Serdes.String(), Serdes.String()).withCachingDisabled(), PROCESS);
        t.addSink(SINK, Outgoing.TOPIC, new ByteArraySerializer(), Outgoing.SERIALIZER, PROCESS);
        return t;
    }
}

package gov.gsb.processors.internal;

import gov.gsb.bus.CallRecord;
import gov.gsb.processors.CallRow;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * Combines the calls of one task, between two commits, into partial rollups per minute and key, and forwards those
 * (not every call) to the rollups' repartition topic just before the task commits. The windowed aggregate then
 * merges partials. The counts, sums, maximum and digest merge exactly, so the result is the same as counting calls
 * one by one; what it saves is, per call, a repartition write and read and an update of the window store (a read,
 * a decode, an encode and a write of the aggregate): most of the rollups' cost.
 *
 * <p>Partials live in memory only: a crash loses them together with the uncommitted offsets of their calls, which
 * are read again. They are forwarded from the same pre-commit hook as {@link PendingRows}
 * ({@code CachedStateStore.flushCache}), the way Kafka's own record caches forward their contents: with this
 * processor set as the current node. That uses two more internals of Kafka Streams
 * ({@code InternalProcessorContext}, {@code ProcessorRecordContext}); {@code RollupCombinerTest} and the
 * integration tests pin them down.
 */
public final class RollupCombiner implements Processor<byte[], CallRecord, RollupKey, RollupAggregate> {

    /** The store that holds the partials and gives the pre-commit hook. */
    public static final String STORE = "rollup-partials";
    /** Past this many partials a commit is asked for, to bound memory (a backlog's many minutes). */
    static final int MAX_PARTIALS = 100_000;

    private static final long MINUTE_MS = 60_000;

    private ProcessorContext<RollupKey, RollupAggregate> context;
    private InternalProcessorContext<RollupKey, RollupAggregate> internal;
    private ProcessorNode<?, ?, ?, ?> node;
    private Partials partials;

    /** @return the processor's supplier, which also adds its store */
    public static ProcessorSupplier<byte[], CallRecord, RollupKey, RollupAggregate> supplier() {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<byte[], CallRecord, RollupKey, RollupAggregate> get() {
                return new RollupCombiner();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(new SimpleStoreBuilder<>(STORE, Partials::new));
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public void init(ProcessorContext<RollupKey, RollupAggregate> context) {
        this.context = context;
        this.internal = (InternalProcessorContext<RollupKey, RollupAggregate>) context;
        this.node = internal.currentNode();
        this.partials = context.getStateStore(STORE);
        partials.onFlush(this::forwardAll);
    }

    @Override
    public void process(Record<byte[], CallRecord> record) {
        CallRecord call = record.value();
        if (call == null) {
            return;
        }
        long time = record.timestamp();
        Long latency = CallRow.latencyOf(call);
        RollupKey key = RollupKey.of(call);
        partials.add(time - Math.floorMod(time, MINUTE_MS), key, latency == null ? RollupAggregate.UNKNOWN_LATENCY : latency,
                time);
        if (partials.size() == MAX_PARTIALS) {
            context.commit();
        }
    }

    /** Forwards every partial, with the time of its latest call (so it falls in its minute's window). */
    private void forwardAll(Map<Partials.Key, Partials.Partial> all) {
        ProcessorNode<?, ?, ?, ?> previousNode = internal.currentNode();
        ProcessorRecordContext previousRecord = internal.recordContext();
        internal.setCurrentNode(node);
        try {
            for (Map.Entry<Partials.Key, Partials.Partial> e : all.entrySet()) {
                long time = e.getValue().latest;
                internal.setRecordContext(new ProcessorRecordContext(time, -1, -1, null, new RecordHeaders()));
                context.forward(new Record<>(e.getKey().rollup(), e.getValue().aggregate, time));
            }
        } finally {
            internal.setCurrentNode(previousNode);
            internal.setRecordContext(previousRecord);
        }
    }

    /** The partials of one task, and the hook Kafka Streams calls before it commits the task. */
    static final class Partials implements StateStore, CachedStateStore<Object, Object> {

        record Key(long minute, RollupKey rollup) {
        }

        static final class Partial {
            final RollupAggregate aggregate = new RollupAggregate();
            long latest;
        }

        private final String name;
        private Map<Key, Partial> partials = new HashMap<>();
        private java.util.function.Consumer<Map<Key, Partial>> flush = all -> { };
        private boolean open;

        Partials(String name) {
            this.name = name;
        }

        void onFlush(java.util.function.Consumer<Map<Key, Partial>> action) {
            this.flush = action;
        }

        void add(long minute, RollupKey key, long latencyMs, long time) {
            Partial p = partials.computeIfAbsent(new Key(minute, key), k -> new Partial());
            p.aggregate.add(key, latencyMs);
            p.latest = Math.max(p.latest, time);
        }

        int size() {
            return partials.size();
        }

        /** Called by Kafka Streams just before it commits the task: forwards the partials, then forgets them. */
        @Override
        public void flushCache() {
            if (partials.isEmpty()) {
                return;
            }
            Map<Key, Partial> all = partials;
            partials = new HashMap<>();
            flush.accept(all);
        }

        @Override
        public void clearCache() {
            partials.clear();
        }

        @Override
        public boolean setFlushListener(CacheFlushListener<Object, Object> listener, boolean sendOldValues) {
            return false;
        }

        @Override
        public void init(StateStoreContext context, StateStore root) {
            context.register(root, (key, value) -> { });
            open = true;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void close() {
            partials.clear();
            open = false;
        }

        @Override
        public boolean persistent() {
            return false;
        }

        @Override
        public boolean isOpen() {
            return open;
        }
    }
}

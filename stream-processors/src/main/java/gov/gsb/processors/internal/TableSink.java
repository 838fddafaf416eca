package gov.gsb.processors.internal;

import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The end of a job: turns each record into a table row and hands it to the task's {@link PendingRows}, which
 * writes it before the task commits.
 *
 * @param <K> the record key
 * @param <V> the record value
 * @param <R> the row type
 */
public final class TableSink<K, V, R> implements Processor<K, V, Void, Void> {

    /**
     * Maps a record to its row.
     *
     * @param <K> the key
     * @param <V> the value
     * @param <R> the row
     */
    @FunctionalInterface
    public interface RowMapper<K, V, R> {
        /**
         * @param record the record
         * @param source where it was read (topic, partition, offset), when it came from a topic
         * @return its row, or null to write none (e.g. a tombstone)
         */
        R toRow(Record<K, V> record, RecordMetadata source);
    }

    private final String storeName;
    private final RowMapper<K, V, R> mapper;
    private ProcessorContext<Void, Void> context;
    private PendingRows<R> rows;

    private TableSink(String storeName, RowMapper<K, V, R> mapper) {
        this.storeName = storeName;
        this.mapper = mapper;
    }

    /**
     * @param store the pending rows' store, which the supplier adds to the topology
     * @param mapper record to row
     * @param <K> the key
     * @param <V> the value
     * @param <R> the row
     * @return the processor's supplier
     */
    public static <K, V, R> ProcessorSupplier<K, V, Void, Void> supplier(StoreBuilder<PendingRows<R>> store,
                                                                         RowMapper<K, V, R> mapper) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<K, V, Void, Void> get() {
                return new TableSink<>(store.name(), mapper);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(store);
            }
        };
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.rows = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<K, V> record) {
        R row = mapper.toRow(record, context.recordMetadata().orElse(null));
        if (row != null) {
            rows.add(row);
        }
    }
}

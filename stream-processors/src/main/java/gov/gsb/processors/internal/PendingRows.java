package gov.gsb.processors.internal;

import gov.gsb.processors.Table;
import gov.gsb.processors.TableWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * The rows one task produced since its last commit, written to ClickHouse before Kafka Streams commits the task:
 * this is what makes the offsets (and the rest of the Streams transaction) move only after ClickHouse has the rows.
 *
 * <p>The hook. In Kafka Streams 4.3 a task commit is {@code StreamTask.prepareCommit()}, which calls
 * {@code ProcessorStateManager.flushCache()}, which calls {@link CachedStateStore#flushCache()} on every store that
 * implements it, before the producer's transaction (with the input offsets) is committed. {@code StateStore.flush()}
 * and {@code commit(Map)}, despite their names, run only after the transaction, when a checkpoint is written: a
 * store that inserted there would let the offsets move ahead of ClickHouse. {@code CachedStateStore} is the hook
 * Kafka's own record caches use to forward their contents before a commit; it lives in an internal package, so
 * {@code PendingRowsTest} and the integration tests pin the behaviour down: a Kafka upgrade that stops calling it
 * fails them. Stores are flushed in topological order, so an upstream cache (the rollups' window store) forwards its
 * updates into this store before this store is flushed.
 *
 * <p>Rows are also written whenever {@code batchRows} have gathered, to bound memory between commits; that is still
 * before the commit. The writer blocks (retrying) while ClickHouse is away, so the commit waits with it.
 *
 * @param <R> the row type
 */
public final class PendingRows<R> implements StateStore, CachedStateStore<Object, Object> {

    private final String name;
    private final Table<R> table;
    private final TableWriter writer;
    private final int batchRows;
    private final UnaryOperator<List<R>> compaction;
    private final List<R> rows = new ArrayList<>();
    private boolean open;

    PendingRows(String name, Table<R> table, TableWriter writer, int batchRows, UnaryOperator<List<R>> compaction) {
        this.name = name;
        this.table = table;
        this.writer = writer;
        this.batchRows = batchRows;
        this.compaction = compaction;
    }

    /**
     * @param name the store's name
     * @param table where its rows go
     * @param writer the writer
     * @param batchRows how many rows to gather at most before writing them
     * @param compaction applied to the pending rows before they are written (e.g. keep a rollup's latest version)
     * @param <R> the row type
     * @return a builder for the topology
     */
    public static <R> StoreBuilder<PendingRows<R>> builder(String name, Table<R> table, TableWriter writer, int batchRows,
                                                          UnaryOperator<List<R>> compaction) {
        return new SimpleStoreBuilder<>(name, n -> new PendingRows<>(n, table, writer, batchRows, compaction));
    }

    /** @param row a row to write before the next commit */
    public void add(R row) {
        rows.add(row);
        if (rows.size() >= batchRows) {
            write();
        }
    }

    /** @return the rows not written yet */
    public int pending() {
        return rows.size();
    }

    /** Called by Kafka Streams just before it commits the task: writes the pending rows. */
    @Override
    public void flushCache() {
        write();
    }

    private void write() {
        if (rows.isEmpty()) {
            return;
        }
        List<R> batch = compaction.apply(List.copyOf(rows));
        try {
            writer.insert(table, batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamsException("interrupted while writing " + batch.size() + " rows to " + table, e);
        } catch (Exception e) {
            throw new StreamsException("could not write " + batch.size() + " rows to " + table + ": " + e.getMessage(), e);
        }
        rows.clear();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        // Not logged: rows not yet written belong to records whose offsets are not committed, so they are read again.
        context.register(root, (key, value) -> { });
        open = true;
    }

    @Override
    public void clearCache() {
        rows.clear();
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<Object, Object> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        rows.clear(); // a clean close committed (and so wrote) them first; a dirty one reads their records again
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

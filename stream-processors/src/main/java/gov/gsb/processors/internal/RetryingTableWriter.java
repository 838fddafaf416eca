package gov.gsb.processors.internal;

import gov.gsb.processors.Table;
import gov.gsb.processors.TableWriter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries another writer with backoff until it succeeds: while ClickHouse is away the task waits, and with it the
 * task's commit, so nothing is lost and the offsets do not move. Ends only when the application stops (the insert
 * then fails, the task's transaction is aborted and its records are read again by the next run).
 */
public final class RetryingTableWriter implements TableWriter {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingTableWriter.class);
    /** Log a continuing outage once per this many attempts (about once a minute at the longest backoff). */
    private static final int LOG_EVERY = 12;

    private final TableWriter delegate;
    private final Backoff backoff;
    private final InsertStats stats;

    /**
     * @param delegate the writer that talks to ClickHouse
     * @param backoff the wait between attempts, and the stop signal
     * @param stats where successes and failures are recorded
     */
    public RetryingTableWriter(TableWriter delegate, Backoff backoff, InsertStats stats) {
        this.delegate = delegate;
        this.backoff = backoff;
        this.stats = stats;
    }

    @Override
    public <R> void insert(Table<R> table, List<R> rows) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                delegate.insert(table, rows);
                stats.succeeded(table, rows.size());
                if (attempt > 1) {
                    LOG.info("ClickHouse took {} rows into {} after {} attempts", rows.size(), table, attempt);
                }
                return;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                boolean first = stats.failed(table, e);
                if (backoff.stopping()) {
                    throw e;
                }
                if (first || attempt % LOG_EVERY == 0) {
                    LOG.warn("ClickHouse did not take {} rows into {} (attempt {}): {}; the task waits and retries, "
                            + "its offsets stay uncommitted", rows.size(), table, attempt, e.toString());
                }
                backoff.pause(attempt);
            }
        }
    }

    @Override
    public void close() {
        delegate.close();
    }
}

package gov.gsb.processors;

import java.util.List;

/**
 * Where the processors' rows go: ClickHouse in production, a fake in the topology tests.
 *
 * <p>The topologies call {@link #insert} from a Kafka Streams thread just before the task commits, and treat a
 * return as "ClickHouse has these rows". The production writer retries a failed insert with backoff until it
 * succeeds (or the application stops), so a commit never gets ahead of ClickHouse. An insert may be repeated
 * after a crash: every table is a ReplacingMergeTree keyed by the row's identity, so a row written twice is one row.
 */
public interface TableWriter extends AutoCloseable {

    /**
     * Writes rows, all of them, before returning.
     *
     * @param table the table
     * @param rows the rows, never empty
     * @param <R> the row type
     * @throws Exception if they could not be written; the task then fails and the records are read again
     */
    <R> void insert(Table<R> table, List<R> rows) throws Exception;

    /** Releases connections; the default does nothing. */
    @Override
    default void close() {
    }
}

package gov.gsb.processors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** A {@link TableWriter} that keeps what it is given, and can be told to fail. */
public final class FakeTableWriter implements TableWriter {

    /** One call of {@link #insert}. @param table the table @param rows its rows */
    public record Insert(Table<?> table, List<?> rows) {
    }

    private final List<Insert> inserts = new ArrayList<>();
    private volatile Exception failure;

    @Override
    public synchronized <R> void insert(Table<R> table, List<R> rows) throws Exception {
        if (failure != null) {
            throw failure;
        }
        inserts.add(new Insert(table, List.copyOf(rows)));
    }

    /** @param failure what every insert throws from now on, or null to succeed again */
    public void failWith(Exception failure) {
        this.failure = failure;
    }

    /** @return every insert so far, in order */
    public synchronized List<Insert> inserts() {
        return List.copyOf(inserts);
    }

    /** @return every row written to the table, in order */
    @SuppressWarnings("unchecked")
    public synchronized <R> List<R> rows(Table<R> table) {
        List<R> rows = new ArrayList<>();
        inserts.stream().filter(i -> i.table() == table).forEach(i -> rows.addAll((List<R>) i.rows()));
        return rows;
    }

    /** @return the rollups as ClickHouse shows them with FINAL: per minute and key, the highest version */
    public synchronized Map<RollupRow.Identity, RollupRow> finalRollups() {
        return rows(Table.CALLS_PER_MINUTE).stream().collect(Collectors.toMap(RollupRow::identity, r -> r,
                (a, b) -> b.version() >= a.version() ? b : a, ConcurrentHashMap::new));
    }
}

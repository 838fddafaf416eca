package gov.gsb.processors.internal;

import gov.gsb.processors.Table;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the ClickHouse writes have done, for {@code /health} and {@code /lag}: per table the rows written and the
 * time of the last successful insert; since when inserts fail, and why. Thread-safe.
 */
public final class InsertStats {

    private final Clock clock;
    private final Map<String, Instant> lastInsert = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> rows = new ConcurrentHashMap<>();
    private volatile Instant failingSince;
    private volatile String lastError;

    /** @param clock the time of the inserts */
    public InsertStats(Clock clock) {
        this.clock = clock;
    }

    /** @param table the table @param count the rows it took */
    public void succeeded(Table<?> table, int count) {
        lastInsert.put(table.name(), clock.instant());
        rows.computeIfAbsent(table.name(), t -> new AtomicLong()).addAndGet(count);
        failingSince = null;
        lastError = null;
    }

    /** @param table the table @param error why the insert failed @return whether this is the first failure in a row */
    public boolean failed(Table<?> table, Exception error) {
        lastError = table.name() + ": " + error;
        if (failingSince == null) {
            failingSince = clock.instant();
            return true;
        }
        return false;
    }

    /** @return when a table last took rows */
    public Optional<Instant> lastInsert(Table<?> table) {
        return Optional.ofNullable(lastInsert.get(table.name()));
    }

    /** @return when any table last took rows */
    public Optional<Instant> lastInsert() {
        return lastInsert.values().stream().max(Instant::compareTo);
    }

    /** @return the rows a table took since the start */
    public long rows(Table<?> table) {
        AtomicLong n = rows.get(table.name());
        return n == null ? 0 : n.get();
    }

    /** @return since when inserts fail, if they do */
    public Optional<Instant> failingSince() {
        return Optional.ofNullable(failingSince);
    }

    /** @return the last failure's description, while inserts fail */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }
}

package gov.gsb.processors;

import java.util.List;
import java.util.Objects;

/**
 * One of the ClickHouse tables the processors write (created by {@code gsb-clickhouse-schema}'s migrations), with
 * the type of row that goes into it.
 *
 * @param <R> the row type
 */
public final class Table<R> {

    /** The call log: one row per CallRecord read from {@code gsb.calls}. */
    public static final Table<CallRow> CALLS = new Table<>("calls", CallRow.class);
    /** Per-minute rollups per provider, consumer, service, method, kind and outcome. */
    public static final Table<RollupRow> CALLS_PER_MINUTE = new Table<>("calls_per_minute", RollupRow.class);
    /** The audit trail: one row per AuditEvent read from {@code gsb.audit}. */
    public static final Table<AuditRow> AUDIT = new Table<>("audit", AuditRow.class);

    /** Every table, in the order of the migrations that create them. */
    public static final List<Table<?>> ALL = List.of(CALLS, CALLS_PER_MINUTE, AUDIT);

    private final String name;
    private final Class<R> rowType;

    private Table(String name, Class<R> rowType) {
        this.name = Objects.requireNonNull(name);
        this.rowType = Objects.requireNonNull(rowType);
    }

    /** @return the table's name in ClickHouse */
    public String name() {
        return name;
    }

    /** @return the Java type of its rows */
    public Class<R> rowType() {
        return rowType;
    }

    @Override
    public String toString() {
        return name;
    }
}

package gov.gsb.processors;

import gov.gsb.bus.CallRecord;
import gov.gsb.processors.internal.PendingRows;
import gov.gsb.processors.internal.TableSink;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * The call log: every CallRecord of {@code gsb.calls} into ClickHouse's {@code calls}, with all its fields, the
 * caller's wait and where it was read. Stateless: a record whose row is not yet in ClickHouse has an uncommitted
 * offset, and is read again after a crash (its row then replaces itself: the table is keyed by call id, kind and
 * source position).
 *
 * <pre>
 * gsb.calls ──► call-log-to-clickhouse [call-log-pending] ──► ClickHouse calls (before each commit)
 * </pre>
 */
public final class CallLogTopology {

    /** The source topic's default name. */
    public static final String CALLS = "gsb.calls";
    /** Where undecodable records of the calls topic go ({@code gsb.dlq.<consumer>.<what>}). */
    public static final String DEAD_LETTERS = "gsb.dlq.stream-processors.calls";
    /** The store of rows waiting for the commit. */
    public static final String PENDING_STORE = "call-log-pending";
    /** The name of the processor that writes the rows. */
    public static final String SINK = "call-log-to-clickhouse";

    private CallLogTopology() {
    }

    /**
     * @param calls the decoded calls topic (null values are tombstones and write nothing)
     * @param writer where the rows go
     * @param batchRows rows gathered at most between writes
     */
    static void addTo(KStream<byte[], CallRecord> calls, TableWriter writer, int batchRows) {
        var pending = PendingRows.builder(PENDING_STORE, Table.CALLS, writer, batchRows, UnaryOperator.identity());
        calls.process(TableSink.<byte[], CallRecord, CallRow>supplier(pending, (record, source) ->
                record.value() == null ? null : CallRow.of(record.value(), source.partition(), source.offset())),
                Named.as(SINK));
    }
}

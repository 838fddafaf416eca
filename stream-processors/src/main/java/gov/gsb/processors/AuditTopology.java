package gov.gsb.processors;

import gov.gsb.bus.AuditEvent;
import gov.gsb.processors.internal.PendingRows;
import gov.gsb.processors.internal.TableSink;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;

/**
 * The audit trail: every AuditEvent of {@code gsb.audit} into ClickHouse's {@code audit}, keyed by its event id.
 *
 * <pre>
 * gsb.audit ──► audit-to-clickhouse [audit-pending] ──► ClickHouse audit (before each commit)
 * </pre>
 */
public final class AuditTopology {

    /** The source topic's default name. */
    public static final String AUDIT = "gsb.audit";
    /** Where undecodable records of the audit topic go. */
    public static final String DEAD_LETTERS = "gsb.dlq.stream-processors.audit";
    /** The name of the source node. */
    public static final String SOURCE = "audit-source";
    /** The store of rows waiting for the commit. */
    public static final String PENDING_STORE = "audit-pending";
    /** The name of the processor that writes the rows. */
    public static final String SINK = "audit-to-clickhouse";

    private AuditTopology() {
    }

    /**
     * @param builder the application's builder
     * @param topic the audit topic
     * @param serde the AuditEvent serde
     * @param writer where the rows go
     * @param batchRows rows gathered at most between writes
     */
    static void addTo(StreamsBuilder builder, String topic, Serde<AuditEvent> serde, TableWriter writer, int batchRows) {
        var pending = PendingRows.builder(PENDING_STORE, Table.AUDIT, writer, batchRows, UnaryOperator.identity());
        builder.stream(topic, Consumed.with(Serdes.ByteArray(), serde).withName(SOURCE))
                .process(TableSink.<byte[], AuditEvent, AuditRow>supplier(pending, (record, source) ->
                        record.value() == null ? null : AuditRow.of(record.value())), Named.as(SINK));
    }
}

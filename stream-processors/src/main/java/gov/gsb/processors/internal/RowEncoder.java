package gov.gsb.processors.internal;

import gov.gsb.processors.AuditRow;
import gov.gsb.processors.CallRow;
import gov.gsb.processors.RollupRow;
import gov.gsb.processors.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * How a table's rows are written in RowBinary: its columns with their ClickHouse types (checked against the table
 * at start-up, so that a migration that changes a type stops the processors with a clear message instead of
 * corrupting rows) and the encoding of one row.
 *
 * @param columns column name to ClickHouse type, in the order written
 * @param encoding writes one row's values in that order
 * @param <R> the row type
 */
public record RowEncoder<R>(Map<String, String> columns, BiConsumer<R, RowBinaryOutput> encoding) {

    private static final String TIME = "DateTime64(3, 'UTC')";

    /** The call log's columns, as V001 and V004 define them. */
    public static final RowEncoder<CallRow> CALLS = new RowEncoder<>(columns(
            "call_id", "String", "correlation_id", "String", "parent_call_id", "String",
            "kind", "LowCardinality(String)", "service", "LowCardinality(String)", "service_version", "UInt16",
            "method", "LowCardinality(String)", "provider_agency", "LowCardinality(String)",
            "consumer_agency", "LowCardinality(String)", "end_user", "String", "client_ip", "String", "device", "String",
            "sdk_version", "LowCardinality(String)", "topic", "LowCardinality(String)", "partition", "Nullable(Int32)",
            "offset", "Nullable(Int64)", "attempt", "UInt16", "request_sent_at", TIME,
            "request_received_at", "Nullable(" + TIME + ")", "reply_sent_at", "Nullable(" + TIME + ")",
            "reply_received_at", "Nullable(" + TIME + ")", "outcome", "LowCardinality(String)",
            "error_code", "LowCardinality(String)", "error_message", "String", "request_bytes", "UInt32",
            "reply_bytes", "Nullable(UInt32)", "latency_ms", "Nullable(UInt32)", "source_partition", "Int32",
            "source_offset", "Int64", "source_position", "UInt64"), RowEncoder::encodeCall);

    /** The rollups' columns, as V002 defines them. */
    public static final RowEncoder<RollupRow> CALLS_PER_MINUTE = new RowEncoder<>(columns(
            "minute", "DateTime('UTC')", "provider_agency", "LowCardinality(String)",
            "consumer_agency", "LowCardinality(String)", "service", "LowCardinality(String)",
            "method", "LowCardinality(String)", "kind", "LowCardinality(String)", "outcome", "LowCardinality(String)",
            "calls", "UInt64", "failures", "UInt64", "latency_sum_ms", "UInt64", "latency_max_ms", "UInt32",
            "latency_p50_ms", "Float64", "latency_p95_ms", "Float64", "latency_p99_ms", "Float64", "version", "UInt64"),
            RowEncoder::encodeRollup);

    /** The audit trail's columns, as V003 defines them. */
    public static final RowEncoder<AuditRow> AUDIT = new RowEncoder<>(columns(
            "event_id", "String", "at", TIME, "actor", "String", "actor_roles", "Array(String)", "client_ip", "String",
            "user_agent", "String", "action", "LowCardinality(String)", "target_type", "LowCardinality(String)",
            "target_id", "String", "before", "String", "after", "String", "outcome", "LowCardinality(String)",
            "reason", "String"), RowEncoder::encodeAudit);

    /** @param table a table @return its encoder */
    @SuppressWarnings("unchecked")
    public static <R> RowEncoder<R> of(Table<R> table) {
        if (table == Table.CALLS) {
            return (RowEncoder<R>) CALLS;
        }
        if (table == Table.CALLS_PER_MINUTE) {
            return (RowEncoder<R>) CALLS_PER_MINUTE;
        }
        if (table == Table.AUDIT) {
            return (RowEncoder<R>) AUDIT;
        }
        throw new IllegalArgumentException("no encoder for table " + table);
    }

    /** @return the column names, in order */
    public List<String> names() {
        return List.copyOf(columns.keySet());
    }

    /** @param row a row @param out where its values go */
    public void encode(R row, RowBinaryOutput out) {
        encoding.accept(row, out);
    }

    private static Map<String, String> columns(String... nameTypePairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            m.put(nameTypePairs[i], nameTypePairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static void encodeCall(CallRow r, RowBinaryOutput o) {
        o.string(r.callId());
        o.string(r.correlationId());
        o.string(r.parentCallId());
        o.string(r.kind());
        o.string(r.service());
        o.uint16(r.serviceVersion());
        o.string(r.method());
        o.string(r.providerAgency());
        o.string(r.consumerAgency());
        o.string(r.endUser());
        o.string(r.clientIp());
        o.string(r.device());
        o.string(r.sdkVersion());
        o.string(r.topic());
        if (o.present(r.partition())) {
            o.int32(r.partition());
        }
        if (o.present(r.offset())) {
            o.int64(r.offset());
        }
        o.uint16(r.attempt());
        encodeCallTimes(r, o);
        o.string(r.outcome());
        o.string(r.errorCode());
        o.string(r.errorMessage());
        o.uint32(r.requestBytes());
        if (o.present(r.replyBytes())) {
            o.uint32(r.replyBytes());
        }
        if (o.present(r.latencyMs())) {
            o.uint32(r.latencyMs());
        }
        o.int32(r.sourcePartition());
        o.int64(r.sourceOffset());
        o.uint64(r.sourcePosition());
    }

    private static void encodeCallTimes(CallRow r, RowBinaryOutput o) {
        o.dateTime64Millis(r.requestSentAt());
        for (java.time.Instant t : new java.time.Instant[] {r.requestReceivedAt(), r.replySentAt(), r.replyReceivedAt()}) {
            if (o.present(t)) {
                o.dateTime64Millis(t);
            }
        }
    }

    private static void encodeRollup(RollupRow r, RowBinaryOutput o) {
        o.dateTimeSeconds(r.minute());
        o.string(r.providerAgency());
        o.string(r.consumerAgency());
        o.string(r.service());
        o.string(r.method());
        o.string(r.kind());
        o.string(r.outcome());
        o.uint64(r.calls());
        o.uint64(r.failures());
        o.uint64(r.latencySumMs());
        o.uint32(r.latencyMaxMs());
        o.float64(r.latencyP50Ms());
        o.float64(r.latencyP95Ms());
        o.float64(r.latencyP99Ms());
        o.uint64(r.version());
    }

    private static void encodeAudit(AuditRow r, RowBinaryOutput o) {
        o.string(r.eventId());
        o.dateTime64Millis(r.at());
        o.string(r.actor());
        o.strings(r.actorRoles());
        o.string(r.clientIp());
        o.string(r.userAgent());
        o.string(r.action());
        o.string(r.targetType());
        o.string(r.targetId());
        o.string(r.before());
        o.string(r.after());
        o.string(r.outcome());
        o.string(r.reason());
    }
}

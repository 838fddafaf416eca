package gov.gsb.processors;

import gov.gsb.bus.CallRecord;
import gov.gsb.processors.internal.PendingRows;
import gov.gsb.processors.internal.RollupAggregate;
import gov.gsb.processors.internal.RollupCombiner;
import gov.gsb.processors.internal.RollupKey;
import gov.gsb.processors.internal.TableSink;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.Stores;

/**
 * Per-minute rollups: calls, failures, latency sum, maximum and quantiles per provider, consumer, service, method,
 * kind and outcome, into ClickHouse's {@code calls_per_minute}.
 *
 * <p>Event time is the call's {@code requestSentAt} (see {@code CallTimestampExtractor}); one-minute tumbling
 * windows; a call up to {@code grace} (default one hour) behind the newest call seen still counts in its minute, a
 * later one is dropped and counted in Kafka Streams' {@code dropped-records} metric ({@code /health} shows it).
 * Each task first combines its calls per minute and key between two commits ({@code RollupCombiner}), so the
 * repartition topic and the window store see one partial rollup per minute, key and commit instead of every call.
 * An hour covers requests that wait for a timeout, subscribers catching up after a short outage and SDKs that kept
 * records while the bus was away; the window store then holds 61 minutes per key. The aggregate's record cache
 * forwards each changed minute at most once per commit; its row carries {@code version} = the calls counted, so the
 * fullest row wins in ClickHouse whatever was written before a crash.
 *
 * <pre>
 * gsb.calls ──► rollup-combine [rollup-partials] ──► (rollup-repartition, partials, before each commit)
 *           ──► rollup-aggregate [rollup-minutes, 1-min windows + grace, merging partials]
 *           ──► rollup-updates ──► rollup-to-clickhouse [rollup-pending] ──► ClickHouse calls_per_minute
 * </pre>
 */
public final class RollupTopology {

    /** The windows' size. */
    public static final Duration MINUTE = Duration.ofMinutes(1);
    /** How late a call may be by default and still count. */
    public static final Duration DEFAULT_GRACE = Duration.ofHours(1);
    /** The processor that combines each task's calls into partial rollups between commits. */
    public static final String COMBINER = "rollup-combine";
    /** The repartition topic's name (the application id is prepended, {@code -repartition} appended). */
    public static final String REPARTITION = "rollup";
    /** The windowed aggregate's store (changelogged: exactly-once state). */
    public static final String ROLLUP_STORE = "rollup-minutes";
    /** The store of rows waiting for the commit. */
    public static final String PENDING_STORE = "rollup-pending";
    /** The name of the processor that writes the rows. */
    public static final String SINK = "rollup-to-clickhouse";

    private RollupTopology() {
    }

    /**
     * @param calls the decoded calls topic
     * @param writer where the rows go
     * @param batchRows rows gathered at most between writes
     * @param grace how late a call may arrive and still count
     */
    static void addTo(KStream<byte[], CallRecord> calls, TableWriter writer, int batchRows, Duration grace) {
        var pending = PendingRows.builder(PENDING_STORE, Table.CALLS_PER_MINUTE, writer, batchRows,
                RollupTopology::latestPerMinuteAndKey);
        calls.process(RollupCombiner.supplier(), Named.as(COMBINER))
                .groupByKey(Grouped.with(REPARTITION, RollupKey.serde(), RollupAggregate.serde()))
                .windowedBy(TimeWindows.ofSizeAndGrace(MINUTE, grace))
                .aggregate(RollupAggregate::new, (key, partial, rollup) -> rollup.merge(partial),
                        Named.as("rollup-aggregate"),
                        // In memory, changelogged: the state is small (61 minutes of partial rollups per key) and
                        // restored from its changelog after a restart; RocksDB's per-update native calls cost more.
                        Materialized.<RollupKey, RollupAggregate>as(Stores.inMemoryWindowStore(ROLLUP_STORE,
                                        MINUTE.plus(grace), MINUTE, false))
                                .withKeySerde(RollupKey.serde()).withValueSerde(RollupAggregate.serde()))
                .toStream(Named.as("rollup-updates"))
                .process(TableSink.<Windowed<RollupKey>, RollupAggregate, RollupRow>supplier(pending,
                        (record, source) -> record.value() == null ? null : row(record.key(), record.value())),
                        Named.as(SINK));
    }

    static RollupRow row(Windowed<RollupKey> window, RollupAggregate a) {
        RollupKey k = window.key();
        return new RollupRow(window.window().startTime(), k.provider(), k.consumer(), k.service(), k.method(), k.kind(),
                k.outcome(), a.calls(), a.failures(), a.latencySum(), Math.min(a.latencyMax(), 0xFFFF_FFFFL),
                a.quantile(0.50), a.quantile(0.95), a.quantile(0.99), a.calls());
    }

    /** Of the rows pending for one minute and key, only the fullest needs writing. */
    static List<RollupRow> latestPerMinuteAndKey(List<RollupRow> rows) {
        Map<RollupRow.Identity, RollupRow> latest = new LinkedHashMap<>();
        for (RollupRow r : rows) {
            latest.merge(r.identity(), r, (a, b) -> b.version() >= a.version() ? b : a);
        }
        return List.copyOf(latest.values());
    }
}

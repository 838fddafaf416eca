package gov.gsb.processors.internal;

import gov.gsb.processors.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What {@code /health} and {@code /lag} answer, as JSON.
 *
 * <p>{@code /health}: 200 while Kafka Streams runs (status {@code UP}, or {@code DEGRADED} while ClickHouse inserts
 * fail and the tasks wait), 503 otherwise ({@code STARTING} while waiting for ClickHouse at start-up, {@code DOWN}). {@code /lag}: per input partition the committed offset
 * against the end, the total, and when ClickHouse last took rows; 503 if the brokers do not answer.
 */
public final class Status {

    /** An HTTP answer. @param code the status code @param json the body */
    public record Answer(int code, String json) {
    }

    /** Where the partitions' lag comes from ({@link LagReport} asks the brokers). */
    @FunctionalInterface
    public interface LagSource {
        /** @return every partition's lag @throws Exception if it cannot be known now */
        List<LagReport.PartitionLag> partitions() throws Exception;
    }

    private static final Set<KafkaStreams.State> LIVE = Set.of(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);

    private final Supplier<KafkaStreams.State> state;
    private final Supplier<Map<MetricName, ? extends Metric>> metrics;
    private final InsertStats inserts;
    private final AtomicLong deadLetters;
    private final LagSource lag;

    /**
     * @param state the Kafka Streams state
     * @param metrics the Kafka Streams metrics
     * @param inserts the ClickHouse inserts' record
     * @param deadLetters the records dead-lettered
     * @param lag the partitions' lag
     */
    public Status(Supplier<KafkaStreams.State> state, Supplier<Map<MetricName, ? extends Metric>> metrics,
                  InsertStats inserts, AtomicLong deadLetters, LagSource lag) {
        this.state = state;
        this.metrics = metrics;
        this.inserts = inserts;
        this.deadLetters = deadLetters;
        this.lag = lag;
    }

    /** @return the answer of {@code /health} */
    public Answer health() {
        KafkaStreams.State s = state.get();
        boolean live = LIVE.contains(s);
        boolean failing = inserts.failingSince().isPresent();
        Map<String, Object> clickhouse = new LinkedHashMap<>();
        clickhouse.put("status", failing ? "FAILING" : "UP");
        clickhouse.put("lastInsertAt", inserts.lastInsert().orElse(null));
        clickhouse.put("failingSince", inserts.failingSince().orElse(null));
        clickhouse.put("lastError", inserts.lastError().orElse(null));
        Map<String, Object> rows = new LinkedHashMap<>();
        Table.ALL.forEach(t -> rows.put(t.name(), inserts.rows(t)));
        clickhouse.put("rows", rows);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", s == KafkaStreams.State.CREATED ? "STARTING" : !live ? "DOWN" : failing ? "DEGRADED" : "UP");
        body.put("streams", s.name());
        body.put("clickhouse", clickhouse);
        body.put("deadLetters", deadLetters.get());
        body.put("droppedRecords", (long) metric("dropped-records-total"));
        return new Answer(live ? 200 : 503, Json.write(body));
    }

    /** @return the answer of {@code /lag} */
    public Answer lag() {
        List<LagReport.PartitionLag> partitions;
        try {
            partitions = lag.partitions();
        } catch (Exception e) {
            return new Answer(503, Json.write(Map.of("error", "the brokers did not answer: " + e)));
        }
        long total = 0;
        List<Map<String, Object>> list = new java.util.ArrayList<>();
        for (LagReport.PartitionLag p : partitions) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("topic", p.topic());
            m.put("partition", p.partition());
            m.put("committed", p.committed());
            m.put("end", p.end());
            m.put("lag", p.lag());
            list.add(m);
            total += p.lag();
        }
        Map<String, Object> byTable = new LinkedHashMap<>();
        Table.ALL.forEach(t -> byTable.put(t.name(), inserts.lastInsert(t).orElse(null)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partitions", list);
        body.put("totalLag", total);
        body.put("lastInsertAt", inserts.lastInsert().orElse(null));
        body.put("lastInsertAtByTable", byTable);
        body.put("clickhouseFailingSince", inserts.failingSince().orElse(null));
        return new Answer(200, Json.write(body));
    }

    private double metric(String name) {
        double sum = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.get().entrySet()) {
            if (e.getKey().name().equals(name) && e.getValue().metricValue() instanceof Number n) {
                sum += n.doubleValue();
            }
        }
        return sum;
    }
}

package gov.gsb.broker.internal;

import java.util.LinkedHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;

/**
 * Counts the authorizer's decisions. The counters are {@link LongAdder}s, so the hot path takes no
 * lock (a Kafka {@code Sensor} synchronizes on every record); Kafka's plugin metrics (KIP-877)
 * publish them as gauges next to the broker's own metrics, in JMX and any configured reporter, with
 * the tags Kafka adds (config, class and role: broker or controller). They are monotonic totals:
 * a monitoring system derives rates from them.
 */
public final class DecisionMetrics {

    /** Metric name: decisions that allowed. */
    public static final String ALLOWED_TOTAL = "authorization-allowed-total";
    /** Metric name: decisions that denied. */
    public static final String DENIED_TOTAL = "authorization-denied-total";
    /** Metric name: ACLs in the authorizer's index. */
    public static final String ACLS_TOTAL = "acls-total-count";

    private final LongAdder allowed = new LongAdder();
    private final LongAdder denied = new LongAdder();

    /** Counts one decision. */
    public void record(boolean wasAllowed) {
        (wasAllowed ? allowed : denied).increment();
    }

    /** @return decisions that allowed, since start */
    public long allowed() {
        return allowed.sum();
    }

    /** @return decisions that denied, since start */
    public long denied() {
        return denied.sum();
    }

    /** Publishes the counters and the ACL count through Kafka's plugin metrics. */
    public void register(PluginMetrics metrics, IntSupplier aclCount) {
        LinkedHashMap<String, String> noTags = new LinkedHashMap<>();
        metrics.addMetric(metrics.metricName(ALLOWED_TOTAL, "Authorization decisions that allowed, since start", noTags),
                (Gauge<Long>) (config, now) -> allowed());
        metrics.addMetric(metrics.metricName(DENIED_TOTAL, "Authorization decisions that denied, since start", noTags),
                (Gauge<Long>) (config, now) -> denied());
        metrics.addMetric(metrics.metricName(ACLS_TOTAL, "ACLs the authorizer holds (User:, Group: and Role:)", noTags),
                (Gauge<Integer>) (config, now) -> aclCount.getAsInt());
    }
}

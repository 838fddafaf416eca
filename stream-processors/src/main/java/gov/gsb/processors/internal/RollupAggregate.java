package gov.gsb.processors.internal;

import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The state of one rollup (one minute of one key): counts, latency sum and maximum, and a digest for the quantiles.
 * Latency statistics cover the calls whose latency is known ({@code latencyCount} of them). Mutable: Kafka Streams
 * hands the aggregator a freshly deserialized instance per update.
 */
public final class RollupAggregate {

    /** The latency the repartitioned stream carries for a call whose latency is unknown. */
    public static final long UNKNOWN_LATENCY = -1;

    private long calls;
    private long failures;
    private long latencyCount;
    private long latencySum;
    private long latencyMax;
    private LatencyDigest digest;

    /** An empty rollup. */
    public RollupAggregate() {
        this.digest = new LatencyDigest();
    }

    /**
     * Counts one call.
     *
     * @param key what the rollup counts by (its outcome decides whether the call failed)
     * @param latencyMs the call's latency, or {@link #UNKNOWN_LATENCY}
     * @return this
     */
    public RollupAggregate add(RollupKey key, long latencyMs) {
        calls++;
        if (key.failed()) {
            failures++;
        }
        if (latencyMs >= 0) {
            latencyCount++;
            latencySum += latencyMs;
            latencyMax = Math.max(latencyMax, latencyMs);
            digest.add(latencyMs);
        }
        return this;
    }

    /**
     * Adds another rollup's counts to this one's (the counts, sums, maximum and digest all merge exactly, in any order).
     *
     * @param other a rollup of the same key and minute, e.g. a partial one
     * @return this
     */
    public RollupAggregate merge(RollupAggregate other) {
        calls += other.calls;
        failures += other.failures;
        latencyCount += other.latencyCount;
        latencySum += other.latencySum;
        latencyMax = Math.max(latencyMax, other.latencyMax);
        digest.merge(other.digest);
        return this;
    }

    public long calls() {
        return calls;
    }

    public long failures() {
        return failures;
    }

    public long latencyCount() {
        return latencyCount;
    }

    public long latencySum() {
        return latencySum;
    }

    public long latencyMax() {
        return latencyMax;
    }

    /** @param q e.g. 0.95 @return the latency quantile, never above the maximum; 0 when no latency is known */
    public double quantile(double q) {
        return latencyCount == 0 ? 0 : Math.min(digest.quantile(q), latencyMax);
    }

    /** @return the aggregate's serde (variable-length numbers, then the digest) */
    public static Serde<RollupAggregate> serde() {
        return Serdes.serdeFrom(new AggregateSerializer(), new AggregateDeserializer());
    }

    private static final class AggregateSerializer implements Serializer<RollupAggregate> {
        @Override
        public byte[] serialize(String topic, RollupAggregate a) {
            if (a == null) {
                return null;
            }
            int size = VarInts.size(a.calls) + VarInts.size(a.failures) + VarInts.size(a.latencyCount)
                    + VarInts.size(a.latencySum) + VarInts.size(a.latencyMax) + a.digest.encodedSize();
            ByteBuffer out = ByteBuffer.allocate(size);
            VarInts.putLong(out, a.calls);
            VarInts.putLong(out, a.failures);
            VarInts.putLong(out, a.latencyCount);
            VarInts.putLong(out, a.latencySum);
            VarInts.putLong(out, a.latencyMax);
            a.digest.encode(out);
            return out.array();
        }
    }

    private static final class AggregateDeserializer implements Deserializer<RollupAggregate> {
        @Override
        public RollupAggregate deserialize(String topic, byte[] data) {
            if (data == null) {
                return null;
            }
            ByteBuffer in = ByteBuffer.wrap(data);
            RollupAggregate a = new RollupAggregate();
            a.calls = VarInts.getLong(in);
            a.failures = VarInts.getLong(in);
            a.latencyCount = VarInts.getLong(in);
            a.latencySum = VarInts.getLong(in);
            a.latencyMax = VarInts.getLong(in);
            a.digest = LatencyDigest.decode(in);
            return a;
        }
    }
}

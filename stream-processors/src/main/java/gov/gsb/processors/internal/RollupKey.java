package gov.gsb.processors.internal;

import gov.gsb.bus.CallRecord;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What a rollup counts by: provider and consumer agency, service, method, kind and outcome. Its bytes (the
 * repartition topic's key, the window store's key) are length-prefixed UTF-8 fields, deterministic, so that the
 * same key always lands in the same partition and store entry.
 *
 * @param provider the provider agency
 * @param consumer the consumer agency, or empty (PUBLISH)
 * @param service {@code provider.name}
 * @param method the operation or event name
 * @param kind PUBLISH, DELIVERY, REQUEST or REPLY
 * @param outcome SUCCESS, FAILURE, DENIED, TIMEOUT or INVALID
 */
public record RollupKey(String provider, String consumer, String service, String method, String kind, String outcome) {

    /** @param r a call's record @return what its rollup counts by */
    public static RollupKey of(CallRecord r) {
        return new RollupKey(r.getProviderAgency(), r.getConsumerAgency() == null ? "" : r.getConsumerAgency(),
                r.getService(), r.getMethod(), r.getKind().name(), r.getOutcome().name());
    }

    /** @return whether the calls it counts failed (any outcome but SUCCESS) */
    public boolean failed() {
        return !"SUCCESS".equals(outcome);
    }

    /** @return the key's serde */
    public static Serde<RollupKey> serde() {
        return Serdes.serdeFrom(new KeySerializer(), new KeyDeserializer());
    }

    private static final class KeySerializer implements Serializer<RollupKey> {
        @Override
        public byte[] serialize(String topic, RollupKey k) {
            if (k == null) {
                return null;
            }
            byte[][] fields = {VarInts.utf8(k.provider), VarInts.utf8(k.consumer), VarInts.utf8(k.service),
                VarInts.utf8(k.method), VarInts.utf8(k.kind), VarInts.utf8(k.outcome)};
            int size = 0;
            for (byte[] f : fields) {
                size += VarInts.size(f.length) + f.length;
            }
            ByteBuffer out = ByteBuffer.allocate(size);
            for (byte[] f : fields) {
                VarInts.putText(out, f);
            }
            return out.array();
        }

        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {
        }
    }

    private static final class KeyDeserializer implements Deserializer<RollupKey> {
        @Override
        public RollupKey deserialize(String topic, byte[] data) {
            if (data == null) {
                return null;
            }
            ByteBuffer in = ByteBuffer.wrap(data);
            return new RollupKey(VarInts.getText(in), VarInts.getText(in), VarInts.getText(in), VarInts.getText(in),
                    VarInts.getText(in), VarInts.getText(in));
        }
    }
}

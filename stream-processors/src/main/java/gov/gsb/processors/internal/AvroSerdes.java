package gov.gsb.processors.internal;

import gov.gsb.sdk.BusUnavailableException;
import gov.gsb.sdk.GsbAvroDeserializer;
import gov.gsb.sdk.SchemaRegistry;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serdes of the bus's contracts for the source topics: the SDK's {@link GsbAvroDeserializer} (Confluent wire format,
 * schemas from the registry), retried while the registry is unreachable so that a registry outage delays the
 * records instead of dead-lettering them. The processors only read: serializing is refused.
 */
public final class AvroSerdes {

    private static final Logger LOG = LoggerFactory.getLogger(AvroSerdes.class);

    private AvroSerdes() {
    }

    /**
     * @param registry where the writers' schemas come from
     * @param type the generated class to read into
     * @param backoff the wait between attempts while the registry is unreachable
     * @param <T> the contract
     * @return the serde
     */
    public static <T extends SpecificRecord> Serde<T> reading(SchemaRegistry registry, Class<T> type, Backoff backoff) {
        return Serdes.serdeFrom(new ReadOnly<>(type), new Retrying<>(new GsbAvroDeserializer<>(registry, type), backoff));
    }

    private static final class Retrying<T> implements Deserializer<T> {
        private final GsbAvroDeserializer<T> inner;
        private final Backoff backoff;

        Retrying(GsbAvroDeserializer<T> inner, Backoff backoff) {
            this.inner = inner;
            this.backoff = backoff;
        }

        @Override
        public T deserialize(String topic, byte[] data) {
            for (int attempt = 1; ; attempt++) {
                try {
                    return inner.deserialize(topic, data);
                } catch (BusUnavailableException e) {
                    if (backoff.stopping()) {
                        throw e;
                    }
                    LOG.warn("the schema registry is unreachable ({}); reading {} waits (attempt {})", e.getMessage(),
                            topic, attempt);
                    pause(attempt, e);
                }
            }
        }

        @Override
        public T deserialize(String topic, Headers headers, byte[] data) {
            return deserialize(topic, data);
        }

        private void pause(int attempt, BusUnavailableException cause) {
            try {
                backoff.pause(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw cause;
            }
        }

        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    private static final class ReadOnly<T> implements Serializer<T> {
        private final Class<T> type;

        ReadOnly(Class<T> type) {
            this.type = type;
        }

        @Override
        public byte[] serialize(String topic, T data) {
            throw new SerializationException("the stream processors never write " + type.getSimpleName() + " records");
        }
    }
}

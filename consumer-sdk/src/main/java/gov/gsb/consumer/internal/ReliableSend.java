package gov.gsb.consumer.internal;

import gov.gsb.sdk.Service;
import gov.gsb.sdk.internal.ErrorMapping;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Sends a message the subscriber must not lose (a dead letter, a reply) and waits until the bus
 * has stored it, trying again with backoff while the bus is away; the read message's offset is
 * committed only afterwards.
 */
final class ReliableSend {

    private ReliableSend() {
    }

    /**
     * @throws RuntimeException (mapped to the SDK's errors) when the bus refuses it for good, or it
     *     is still away when the subscriber closes
     */
    static void send(Producer<byte[], byte[]> producer, ProducerRecord<byte[], byte[]> record, Service service,
                     String operation, String agency, BooleanSupplier closing) {
        long backoff = 200;
        while (true) {
            try {
                producer.send(record).get(60, TimeUnit.SECONDS);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ErrorMapping.map(e, service, operation, agency);
            } catch (Exception e) {
                Throwable cause = ErrorMapping.unwrap(e);
                boolean retriable = cause instanceof RetriableException || cause instanceof java.util.concurrent.TimeoutException;
                if (!retriable || closing.getAsBoolean()) {
                    throw ErrorMapping.map(cause, service, operation, agency);
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw ErrorMapping.map(ie, service, operation, agency);
                }
                backoff = Math.min(5_000, backoff * 2);
            }
        }
    }
}

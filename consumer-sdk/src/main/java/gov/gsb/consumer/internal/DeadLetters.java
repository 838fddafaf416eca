package gov.gsb.consumer.internal;

import gov.gsb.sdk.GsbHeaders;
import gov.gsb.sdk.Service;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Writes a message this subscriber gives up on to its dead-letter topic
 * ({@code gsb.dlq.<agency>.<provider>.<service>}): the original key, value and headers, unchanged,
 * plus headers saying why. It returns only once the bus has stored it, so the original's offset
 * is committed only after that: nothing is lost.
 */
final class DeadLetters {

    private final Producer<byte[], byte[]> producer;
    private final String agency;
    private final String group;

    DeadLetters(Producer<byte[], byte[]> producer, String agency, String group) {
        this.producer = producer;
        this.agency = agency;
        this.group = group;
    }

    /**
     * @param original the message, as read
     * @param service its service
     * @param errorCode why: HANDLER_FAILED, INVALID_MESSAGE, ...
     * @param error the exception that made the subscriber give up
     * @param attempts how many times the handler was tried (0 if it never could be)
     * @param closing whether to stop retrying a bus that is away
     * @return the dead-letter topic written to
     * @throws RuntimeException (fatal, mapped) if the bus refuses the dead letter: the subscriber stops
     */
    String send(ConsumerRecord<byte[], byte[]> original, Service service, String errorCode, Throwable error, int attempts,
                BooleanSupplier closing) {
        String topic = service.deadLetterTopic(agency);
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(topic, null, original.key(), original.value());
        for (Header h : original.headers()) {
            letter.headers().add(h);
        }
        add(letter, GsbHeaders.DLQ_ERROR_CODE, errorCode);
        add(letter, GsbHeaders.DLQ_EXCEPTION, error.getClass().getName());
        add(letter, GsbHeaders.DLQ_MESSAGE, String.valueOf(error.getMessage()));
        add(letter, GsbHeaders.DLQ_ATTEMPTS, Integer.toString(attempts));
        add(letter, GsbHeaders.DLQ_SOURCE_TOPIC, original.topic());
        add(letter, GsbHeaders.DLQ_SOURCE_PARTITION, Integer.toString(original.partition()));
        add(letter, GsbHeaders.DLQ_SOURCE_OFFSET, Long.toString(original.offset()));
        add(letter, GsbHeaders.DLQ_CONSUMER_GROUP, group);
        add(letter, GsbHeaders.DLQ_AT, Long.toString(System.currentTimeMillis()));
        ReliableSend.send(producer, letter, service, "write dead letters of", agency, closing);
        return topic;
    }

    private static void add(ProducerRecord<byte[], byte[]> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

}

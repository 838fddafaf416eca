package gov.gsb.processors.internal;

import gov.gsb.sdk.GsbHeaders;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record that cannot be read (not a GSB message, an unknown schema, bytes that do not decode) to its
 * source's dead-letter topic, with the bus's {@code gsb-dlq-*} headers saying why and where it came from, and goes
 * on. Kafka Streams writes the dead letter in the task's transaction, so it is there exactly once.
 * Problems that are not the record's fault (the registry unreachable or refusing our credentials) fail the task
 * instead, so that the record is read again later rather than dead-lettered.
 *
 * <pre>{@code
 * default.deserialization.exception.handler=gov.gsb.processors.internal.DeadLetterHandler
 * gsb.dead.letter.topics=gsb.calls=gsb.dlq.stream-processors.calls,gsb.audit=gsb.dlq.stream-processors.audit
 * }</pre>
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler {

    /** Source topic to dead-letter topic, {@code source=dlq} pairs separated by commas. */
    public static final String TOPICS_CONFIG = "gsb.dead.letter.topics";
    /** Optional: an {@link AtomicLong} counting the dead letters, for {@code /health}. */
    public static final String COUNTER_CONFIG = "gsb.dead.letter.counter";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    private final Map<String, String> topics = new HashMap<>();
    private AtomicLong counter = new AtomicLong();
    private String group = "";

    @Override
    public void configure(Map<String, ?> configs) {
        Object mapping = configs.get(TOPICS_CONFIG);
        if (mapping != null) {
            for (String pair : mapping.toString().split(",")) {
                String[] parts = pair.trim().split("=", 2);
                if (parts.length == 2) {
                    topics.put(parts[0].trim(), parts[1].trim());
                }
            }
        }
        if (configs.get(COUNTER_CONFIG) instanceof AtomicLong c) {
            counter = c;
        }
        Object app = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
        group = app == null ? "" : app.toString();
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (notTheRecordsFault(exception)) {
            LOG.error("could not read {}-{}@{}: {}; the task stops and the record is read again", record.topic(),
                    record.partition(), record.offset(), exception.toString());
            return Response.fail();
        }
        String topic = topics.getOrDefault(record.topic(), "gsb.dlq." + group + "." + record.topic());
        LOG.warn("dead-lettering {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(), topic,
                exception.getMessage());
        counter.incrementAndGet();
        return Response.resume(List.of(letter(topic, record, exception)));
    }

    private ProducerRecord<byte[], byte[]> letter(String topic, ConsumerRecord<byte[], byte[]> r, Exception e) {
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(topic, null, r.key(), r.value());
        for (Header h : r.headers()) {
            letter.headers().add(h);
        }
        add(letter, GsbHeaders.DLQ_ERROR_CODE, "INVALID_MESSAGE");
        add(letter, GsbHeaders.DLQ_EXCEPTION, e.getClass().getName());
        add(letter, GsbHeaders.DLQ_MESSAGE, String.valueOf(e.getMessage()));
        add(letter, GsbHeaders.DLQ_ATTEMPTS, "0");
        add(letter, GsbHeaders.DLQ_SOURCE_TOPIC, r.topic());
        add(letter, GsbHeaders.DLQ_SOURCE_PARTITION, Integer.toString(r.partition()));
        add(letter, GsbHeaders.DLQ_SOURCE_OFFSET, Long.toString(r.offset()));
        add(letter, GsbHeaders.DLQ_CONSUMER_GROUP, group);
        add(letter, GsbHeaders.DLQ_AT, Long.toString(System.currentTimeMillis()));
        return letter;
    }

    private static boolean notTheRecordsFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RetriableException || t instanceof AuthorizationException
                    || t instanceof AuthenticationException) {
                return true;
            }
        }
        return false;
    }

    private static void add(ProducerRecord<byte[], byte[]> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

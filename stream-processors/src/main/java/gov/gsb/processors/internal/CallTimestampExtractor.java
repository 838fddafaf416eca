package gov.gsb.processors.internal;

import gov.gsb.bus.CallRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * The event time of a call: when its request or event was sent ({@code requestSentAt}), the minute the rollups
 * count it in. Bounded by the CallRecord's own Kafka timestamp (when the SDK wrote it, after the call): a sender
 * whose clock runs ahead cannot push stream time into the future, which would make every later call "late" and
 * drop it from the rollups. Never negative (Kafka Streams drops a record with a negative time, from every job).
 */
public final class CallTimestampExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        long written = record.timestamp();
        if (record.value() instanceof CallRecord call) {
            long sent = call.getRequestSentAt().toEpochMilli();
            if (sent >= 0) {
                return written >= 0 ? Math.min(sent, written) : sent;
            }
        }
        return written >= 0 ? written : Math.max(partitionTime, 0);
    }
}

package gov.gsb.processors.composite;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.TopicNameExtractor;

/**
 * A message the orchestrator sends: where to, and its bytes (already in the bus's wire format). One sink serves
 * every destination: step requests, replies to callers, CallRecords.
 *
 * @param topic the destination topic
 * @param value the value's bytes, or null (a failure reply has no value)
 */
record Outgoing(String topic, byte[] value) {

    /** Takes the destination from the value. */
    static final TopicNameExtractor<byte[], Outgoing> TOPIC = (key, value, context) -> value.topic();

    /** Writes the value's bytes. */
    static final Serializer<Outgoing> SERIALIZER = (topic, data) -> data == null ? null : data.value();
}

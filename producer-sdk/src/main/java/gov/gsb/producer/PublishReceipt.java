package gov.gsb.producer;

import java.time.Instant;

/**
 * The bus's acknowledgement of a published event: it is stored (on every in-sync replica) and
 * will be delivered to every subscriber.
 *
 * @param callId the call's id (also in the event's headers and its CallRecord)
 * @param correlationId the business case the call belongs to
 * @param topic the service's topic
 * @param partition the partition it was stored in
 * @param offset its position in that partition
 * @param timestamp when it was stored
 */
public record PublishReceipt(String callId, String correlationId, String topic, int partition, long offset,
                             Instant timestamp) {
}

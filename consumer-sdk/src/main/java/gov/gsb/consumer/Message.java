package gov.gsb.consumer;

import java.time.Instant;

/**
 * Where a delivered event or request came from and who it was made for: what a handler may need
 * besides the payload (to log a case, to check the end user, to make handling idempotent by
 * {@link #callId()}).
 *
 * @param callId the sender's call id (the same on redelivery: use it to make handling idempotent)
 * @param correlationId the business case it belongs to
 * @param service the service, {@code provider.name}
 * @param senderAgency the agency that sent it
 * @param method the operation the sender named
 * @param endUser the person it was made for or by, if the sender said
 * @param clientIp the end user's IP address, if the sender said
 * @param device the end user's device, if the sender said
 * @param key the message's key
 * @param topic the topic it was read from
 * @param partition its partition
 * @param offset its offset
 * @param timestamp when it was sent
 * @param attempt which try of the handler this is, from 1
 */
public record Message(String callId, String correlationId, String service, String senderAgency, String method,
                      String endUser, String clientIp, String device, String key, String topic, int partition,
                      long offset, Instant timestamp, int attempt) {
}

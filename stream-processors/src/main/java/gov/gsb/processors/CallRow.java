package gov.gsb.processors;

import gov.gsb.bus.CallKind;
import gov.gsb.bus.CallRecord;
import java.time.Instant;

/**
 * A row of the call log ({@code calls}): every field of one CallRecord, the caller's wait ({@code latencyMs}) and
 * where the record was read ({@code sourcePartition}, {@code sourceOffset}). Absent text is the empty string, as the
 * table's defaults; absent numbers and times are null. Column names are the components' in snake case.
 *
 * @param callId the call's id
 * @param correlationId the exchange's id
 * @param parentCallId the composite call this is a step of, or empty
 * @param kind PUBLISH, DELIVERY, REQUEST or REPLY
 * @param service {@code provider.name}
 * @param serviceVersion the contract's version
 * @param method the operation or event name
 * @param providerAgency the service's owner
 * @param consumerAgency the other side, or empty (PUBLISH)
 * @param endUser on whose behalf, or empty
 * @param clientIp the end user's address, or empty
 * @param device the end user's device, or empty
 * @param sdkVersion the SDK that wrote the record
 * @param topic the message's topic
 * @param partition the message's partition, or null
 * @param offset the message's offset, or null
 * @param attempt which try
 * @param requestSentAt when the request or event was sent
 * @param requestReceivedAt when the other side got it, or null
 * @param replySentAt when the reply was sent, or null
 * @param replyReceivedAt when the reply arrived, or null
 * @param outcome SUCCESS, FAILURE, DENIED, TIMEOUT or INVALID
 * @param errorCode the error's code, or empty
 * @param errorMessage the error's message, or empty
 * @param requestBytes the request's or event's size
 * @param replyBytes the reply's size, or null
 * @param latencyMs what the caller waited (see {@link #latencyOf(CallRecord)}), or null when unknown
 * @param sourcePartition the partition of gsb.calls the record was read from
 * @param sourceOffset its offset there
 */
public record CallRow(String callId, String correlationId, String parentCallId, String kind, String service,
                      int serviceVersion, String method, String providerAgency, String consumerAgency, String endUser,
                      String clientIp, String device, String sdkVersion, String topic, Integer partition, Long offset,
                      int attempt, Instant requestSentAt, Instant requestReceivedAt, Instant replySentAt,
                      Instant replyReceivedAt, String outcome, String errorCode, String errorMessage, long requestBytes,
                      Long replyBytes, Long latencyMs, int sourcePartition, long sourceOffset) {

    /** The largest value of a {@code UInt32} column. */
    static final long UINT32_MAX = 0xFFFF_FFFFL;
    /** The largest value of a {@code UInt16} column. */
    static final int UINT16_MAX = 0xFFFF;

    /**
     * @param r the record
     * @param sourcePartition the partition of gsb.calls it was read from
     * @param sourceOffset its offset there
     * @return its row
     */
    public static CallRow of(CallRecord r, int sourcePartition, long sourceOffset) {
        return new CallRow(r.getCallId(), r.getCorrelationId(), text(r.getParentCallId()), r.getKind().name(),
                r.getService(), clamp(r.getServiceVersion(), UINT16_MAX), r.getMethod(), r.getProviderAgency(),
                text(r.getConsumerAgency()), text(r.getEndUser()), text(r.getClientIp()), text(r.getDevice()),
                r.getSdkVersion(), r.getTopic(), r.getPartition(), r.getOffset(), clamp(r.getAttempt(), UINT16_MAX),
                r.getRequestSentAt(), r.getRequestReceivedAt(), r.getReplySentAt(), r.getReplyReceivedAt(),
                r.getOutcome().name(), text(r.getErrorCode()), text(r.getErrorMessage()),
                Math.max(0, r.getRequestBytes()), r.getReplyBytes() == null ? null : (long) Math.max(0, r.getReplyBytes()),
                latencyOf(r), sourcePartition, sourceOffset);
    }

    /**
     * What the caller waited, in milliseconds: reply received minus request sent for a REQUEST that got its reply;
     * otherwise received minus sent (a PUBLISH's acknowledgement, a DELIVERY's or REPLY's arrival at the other side).
     * Clocks of different agencies may disagree: a negative difference counts as 0.
     *
     * @param r the record
     * @return the wait, or null when the record does not tell (nothing was received)
     */
    public static Long latencyOf(CallRecord r) {
        Instant end = r.getKind() == CallKind.REQUEST && r.getReplyReceivedAt() != null
                ? r.getReplyReceivedAt() : r.getRequestReceivedAt();
        if (end == null) {
            return null;
        }
        long ms = end.toEpochMilli() - r.getRequestSentAt().toEpochMilli();
        return Math.min(Math.max(ms, 0), UINT32_MAX);
    }

    /**
     * The record's position in gsb.calls as one number: the call log's identity together with the call id (two
     * records may share a call id, e.g. the DELIVERY records of two subscriber agencies; one record read twice
     * keeps its position). Partitions below 2^15 and offsets below 2^48 never collide.
     *
     * @return {@code sourcePartition * 2^48 + sourceOffset}
     */
    public long sourcePosition() {
        return ((long) sourcePartition << 48) + sourceOffset;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static int clamp(int value, int max) {
        return Math.min(Math.max(value, 0), max);
    }
}

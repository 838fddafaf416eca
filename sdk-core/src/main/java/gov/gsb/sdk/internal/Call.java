package gov.gsb.sdk.internal;

import gov.gsb.bus.CallKind;
import gov.gsb.bus.CallRecord;
import gov.gsb.bus.Outcome;
import gov.gsb.sdk.CallContext;
import gov.gsb.sdk.GsbHeaders;
import gov.gsb.sdk.Service;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One call as the SDK sees it while it happens: filled in step by step (sent, received, replied)
 * and turned into its {@link CallRecord} at the end. Mutable and confined to the call's thread
 * or callback; internal.
 */
public final class Call {

    public CallKind kind;
    public Service service;
    public String method;
    public String consumerAgency;
    public String callId;
    public String correlationId;
    public String parentCallId;
    public String endUser;
    public String clientIp;
    public String device;
    public String topic;
    public Integer partition;
    public Long offset;
    public int attempt = 1;
    public Instant requestSentAt;
    public Instant requestReceivedAt;
    public Instant replySentAt;
    public Instant replyReceivedAt;
    public int requestBytes;
    public Integer replyBytes;

    /** A call this SDK starts: a new call id, the context's correlation id or the call id. */
    public static Call start(CallKind kind, Service service, String defaultMethod, CallContext ctx) {
        Call c = new Call();
        c.kind = kind;
        c.service = service;
        c.method = ctx.method() != null ? ctx.method() : defaultMethod;
        c.callId = Ids.newCallId();
        c.correlationId = ctx.correlationId() != null ? ctx.correlationId() : c.callId;
        c.parentCallId = ctx.parentCallId();
        c.endUser = ctx.endUser();
        c.clientIp = ctx.clientIp();
        c.device = ctx.device();
        return c;
    }

    /**
     * A call another SDK started, as its message tells it (delivery of an event, serving a request).
     * What the sender left out because it is implied is filled in here: the correlation id is the
     * call id, the sending agency is the service's provider, the method is the kind's default, and
     * the send time is the message's timestamp.
     */
    public static Call received(CallKind kind, Service service, Headers headers, long timestampMillis) {
        Call c = new Call();
        c.kind = kind;
        c.service = service;
        c.callId = text(headers, GsbHeaders.CALL_ID);
        c.correlationId = text(headers, GsbHeaders.CORRELATION_ID);
        c.parentCallId = text(headers, GsbHeaders.PARENT_CALL_ID);
        String method = text(headers, GsbHeaders.METHOD);
        c.method = method != null ? method : kind == CallKind.DELIVERY ? "publish" : "request";
        c.endUser = text(headers, GsbHeaders.END_USER);
        c.clientIp = text(headers, GsbHeaders.CLIENT_IP);
        c.device = text(headers, GsbHeaders.DEVICE);
        c.requestSentAt = Instant.ofEpochMilli(timestampMillis);
        if (c.callId == null) {
            // Written by a plain Kafka client, not an SDK: still a call, with an id of its own.
            c.callId = Ids.newCallId();
        }
        if (c.correlationId == null) {
            c.correlationId = c.callId;
        }
        return c;
    }

    /** @return the agency that sent a message: its header, else (events) the service's provider */
    public static String sender(Headers headers, Service service) {
        String agency = text(headers, GsbHeaders.AGENCY);
        return agency != null ? agency : service.provider();
    }

    /**
     * Writes this call's context into a message's headers: only what the receiver cannot tell from
     * the topic and the message itself, so that a small event does not travel with a large envelope.
     *
     * @param headers the message's headers
     * @param agency the sending agency (written when it is not the service's provider)
     * @param defaultMethod the kind's default method (not written when the call's is the same)
     */
    public void writeHeaders(Headers headers, String agency, String defaultMethod) {
        put(headers, GsbHeaders.CALL_ID, callId);
        if (!callId.equals(correlationId)) {
            put(headers, GsbHeaders.CORRELATION_ID, correlationId);
        }
        put(headers, GsbHeaders.PARENT_CALL_ID, parentCallId);
        if (method != null && !method.equals(defaultMethod)) {
            put(headers, GsbHeaders.METHOD, method);
        }
        if (!agency.equals(service.provider())) {
            put(headers, GsbHeaders.AGENCY, agency);
        }
        put(headers, GsbHeaders.END_USER, endUser);
        put(headers, GsbHeaders.CLIENT_IP, clientIp);
        put(headers, GsbHeaders.DEVICE, device);
    }

    /**
     * @param outcome how the call ended
     * @param errorCode the error's code, or null on success
     * @param errorMessage the error's message, or null on success
     * @return the call's record
     */
    public CallRecord toRecord(Outcome outcome, String errorCode, String errorMessage) {
        return new CallRecord(callId, correlationId, parentCallId, kind, service.toString(), 1,
                method != null ? method : kind.name().toLowerCase(), service.provider(), consumerAgency, endUser, clientIp,
                device, SdkVersion.VALUE, topic, partition, offset, attempt,
                requestSentAt != null ? requestSentAt : Instant.now(), requestReceivedAt, replySentAt, replyReceivedAt,
                outcome, errorCode, truncate(errorMessage), requestBytes, replyBytes);
    }

    /** @return the header's value as UTF-8 text, or null */
    public static String text(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }


    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}

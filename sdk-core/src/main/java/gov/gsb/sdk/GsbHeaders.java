package gov.gsb.sdk;

/**
 * The Kafka record headers through which a call's context travels (UTF-8 strings). They are part
 * of the bus's wire contract: an SDK in another language sets and reads the same names.
 *
 * <p>Only {@link #CALL_ID} is always there. What a receiver can tell otherwise is left out, so
 * that a small event does not travel with a large envelope: the service and its provider are in
 * the topic's name, the send time is the record's timestamp, a missing correlation id is the call
 * id, a missing agency is the service's provider, a missing method is the default
 * ({@code publish} for events, {@code request} for requests).
 */
public final class GsbHeaders {

    /** Unique id of this call (a UUID). */
    public static final String CALL_ID = "gsb-call-id";
    /** Ties the calls of one business case together. */
    public static final String CORRELATION_ID = "gsb-correlation-id";
    /** The composite call this call is a step of. */
    public static final String PARENT_CALL_ID = "gsb-parent-call-id";
    /** The operation. */
    public static final String METHOD = "gsb-method";
    /** The agency that sent the message. */
    public static final String AGENCY = "gsb-agency";
    /** The person the call is made for or by. */
    public static final String END_USER = "gsb-end-user";
    /** The end user's IP address. */
    public static final String CLIENT_IP = "gsb-client-ip";
    /** The end user's user agent or device id. */
    public static final String DEVICE = "gsb-device";
    /** On a reply: when the provider received the request, epoch milliseconds (the reply's timestamp is when it answered). */
    public static final String RECEIVED_AT = "gsb-received-at";
    /** On a request: the topic to send the reply to. */
    public static final String REPLY_TO = "gsb-reply-to";
    /** On a reply: {@code OK} or {@code FAILED}. */
    public static final String REPLY_STATUS = "gsb-reply-status";
    /** On a failed reply: the provider's error code. */
    public static final String ERROR_CODE = "gsb-error-code";
    /** On a failed reply: the provider's error message. */
    public static final String ERROR_MESSAGE = "gsb-error-message";

    /** On a dead letter: the class of the exception that made the consumer give up. */
    public static final String DLQ_EXCEPTION = "gsb-dlq-exception";
    /** On a dead letter: that exception's message. */
    public static final String DLQ_MESSAGE = "gsb-dlq-message";
    /** On a dead letter: the error code ({@code HANDLER_FAILED}, {@code INVALID_MESSAGE}, ...). */
    public static final String DLQ_ERROR_CODE = "gsb-dlq-error-code";
    /** On a dead letter: how many times the handler was tried. */
    public static final String DLQ_ATTEMPTS = "gsb-dlq-attempts";
    /** On a dead letter: the topic the message was read from. */
    public static final String DLQ_SOURCE_TOPIC = "gsb-dlq-source-topic";
    /** On a dead letter: its partition. */
    public static final String DLQ_SOURCE_PARTITION = "gsb-dlq-source-partition";
    /** On a dead letter: its offset. */
    public static final String DLQ_SOURCE_OFFSET = "gsb-dlq-source-offset";
    /** On a dead letter: the consumer group that gave up. */
    public static final String DLQ_CONSUMER_GROUP = "gsb-dlq-consumer-group";
    /** On a dead letter: when it was dead-lettered, epoch milliseconds. */
    public static final String DLQ_AT = "gsb-dlq-at";

    private GsbHeaders() {
    }
}

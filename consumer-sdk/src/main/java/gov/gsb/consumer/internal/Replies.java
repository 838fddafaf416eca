package gov.gsb.consumer.internal;

import gov.gsb.sdk.GsbAvroSerializer;
import gov.gsb.sdk.GsbError;
import gov.gsb.sdk.GsbHeaders;
import gov.gsb.sdk.internal.Call;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends a served request's reply, or its failure, to the requester's reply topic: the reply's
 * call id is the request's, which is how the requester matches them.
 */
final class Replies {

    private final Producer<byte[], byte[]> producer;
    private final GsbAvroSerializer<Object> serializer;
    private final String agency;

    Replies(Producer<byte[], byte[]> producer, GsbAvroSerializer<Object> serializer, String agency) {
        this.producer = producer;
        this.serializer = serializer;
        this.agency = agency;
    }

    /**
     * Sends the reply. If it cannot be encoded (it breaks the reply's contract), a failure is sent
     * instead, with the encoding error's code, and that error is returned.
     *
     * @return null if the reply went out, else the error reported to the requester
     */
    Exception ok(Call call, String replyTo, Object reply, BooleanSupplier closing) {
        byte[] bytes;
        try {
            bytes = serializer.serialize(replyTo, reply);
        } catch (RuntimeException e) {
            failed(call, replyTo, code(e), "the provider's reply could not be encoded: " + e.getMessage(), closing);
            return e;
        }
        send(call, replyTo, bytes, "OK", null, null, closing);
        return null;
    }

    /** Sends a failure with the provider's code and message. */
    void failed(Call call, String replyTo, String code, String message, BooleanSupplier closing) {
        send(call, replyTo, null, "FAILED", code, message, closing);
    }

    static String code(Throwable e) {
        return e instanceof GsbError g ? g.errorCode() : "HANDLER_FAILED";
    }

    private void send(Call call, String replyTo, byte[] value, String status, String code, String message,
                      BooleanSupplier closing) {
        call.replySentAt = Instant.now();
        // The record's timestamp is when the provider answered: the requester reads it from there.
        ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(replyTo, null, call.replySentAt.toEpochMilli(),
                bytes(call.callId), value);
        call.replyBytes = value == null ? 0 : value.length;
        header(r, GsbHeaders.CALL_ID, call.callId);
        header(r, GsbHeaders.CORRELATION_ID, call.correlationId);
        header(r, GsbHeaders.RECEIVED_AT, Long.toString(call.requestReceivedAt.toEpochMilli()));
        header(r, GsbHeaders.REPLY_STATUS, status);
        header(r, GsbHeaders.ERROR_CODE, code);
        header(r, GsbHeaders.ERROR_MESSAGE, message);
        ReliableSend.send(producer, r, call.service, "reply to requests of", agency, closing);
    }

    private static void header(ProducerRecord<byte[], byte[]> r, String name, String value) {
        if (value != null) {
            r.headers().add(name, bytes(value));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

package gov.gsb.sdk.internal.serde;

import gov.gsb.bus.CallRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.Encoder;

/**
 * Writes a {@link CallRecord} in Avro binary field by field, as its schema says, without Avro's
 * reflective machinery: the SDKs write one per call, on a background thread that shares the
 * application's cores, and the generic writer spends most of its time resolving the record's
 * nullable unions and logical types. The bytes are exactly what {@code SpecificDatumWriter}
 * writes (a test compares them); {@link #fits} refuses a CallRecord schema whose fields are not
 * the ones written here, and the serializer then uses the generic writer.
 */
final class CallRecordWriter implements DatumWriter<Object> {

    private static final List<String> FIELDS = List.of("callId", "correlationId", "parentCallId", "kind", "service",
            "serviceVersion", "method", "providerAgency", "consumerAgency", "endUser", "clientIp", "device", "sdkVersion",
            "topic", "partition", "offset", "attempt", "requestSentAt", "requestReceivedAt", "replySentAt",
            "replyReceivedAt", "outcome", "errorCode", "errorMessage", "requestBytes", "replyBytes");

    /** @return whether {@code schema} has exactly the fields, in the order, this writer writes */
    static boolean fits(Schema schema) {
        return schema.getFields().stream().map(Schema.Field::name).toList().equals(FIELDS)
                && schema.getField("parentCallId").schema().getTypes().get(0).getType() == Schema.Type.NULL;
    }

    @Override
    public void setSchema(Schema schema) {
        // Always CallRecord's own schema: see fits().
    }

    @Override
    public void write(Object datum, Encoder out) throws IOException {
        CallRecord r = (CallRecord) datum;
        out.writeString(r.getCallId());
        out.writeString(r.getCorrelationId());
        optional(out, r.getParentCallId());
        out.writeEnum(r.getKind().ordinal());
        out.writeString(r.getService());
        out.writeInt(r.getServiceVersion());
        out.writeString(r.getMethod());
        out.writeString(r.getProviderAgency());
        optional(out, r.getConsumerAgency());
        optional(out, r.getEndUser());
        optional(out, r.getClientIp());
        optional(out, r.getDevice());
        out.writeString(r.getSdkVersion());
        out.writeString(r.getTopic());
        optional(out, r.getPartition());
        optional(out, r.getOffset());
        out.writeInt(r.getAttempt());
        out.writeLong(r.getRequestSentAt().toEpochMilli());
        optional(out, r.getRequestReceivedAt());
        optional(out, r.getReplySentAt());
        optional(out, r.getReplyReceivedAt());
        out.writeEnum(r.getOutcome().ordinal());
        optional(out, r.getErrorCode());
        optional(out, r.getErrorMessage());
        out.writeInt(r.getRequestBytes());
        optional(out, r.getReplyBytes());
    }

    // ["null", T]: branch 0 is null, branch 1 the value.
    private static void optional(Encoder out, String value) throws IOException {
        out.writeIndex(value == null ? 0 : 1);
        if (value != null) {
            out.writeString(value);
        }
    }

    private static void optional(Encoder out, Integer value) throws IOException {
        out.writeIndex(value == null ? 0 : 1);
        if (value != null) {
            out.writeInt(value);
        }
    }

    private static void optional(Encoder out, Long value) throws IOException {
        out.writeIndex(value == null ? 0 : 1);
        if (value != null) {
            out.writeLong(value);
        }
    }

    private static void optional(Encoder out, Instant value) throws IOException {
        out.writeIndex(value == null ? 0 : 1);
        if (value != null) {
            out.writeLong(value.toEpochMilli());
        }
    }
}

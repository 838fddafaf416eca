package gov.gsb.processors.composite;

import gov.gsb.bus.CallRecord;
import gov.gsb.bus.CompositeReply;
import gov.gsb.bus.CompositeStepOutcome;
import gov.gsb.bus.Outcome;
import gov.gsb.bus.StepStatus;
import gov.gsb.composites.CompositeDefinition;
import gov.gsb.composites.CompositeFailure;
import gov.gsb.composites.Step;
import gov.gsb.processors.composite.ProcessState.CallStatus;
import gov.gsb.processors.composite.ProcessState.StepCall;
import gov.gsb.sdk.GsbAvroSerializer;
import gov.gsb.sdk.SchemaRegistry;
import gov.gsb.sdk.GsbHeaders;
import gov.gsb.sdk.Service;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * What the orchestrator says to a composite's caller, in the SDK's reply wire format (what the consumer SDK's
 * {@code serve} writes, so {@code GsbPublisher.request} reads it unchanged), and the composite's own CallRecord.
 */
final class Replies {

    private final GsbAvroSerializer<Object> replySerializer;
    private final GsbAvroSerializer<Object> recordSerializer;
    private final String callsTopic;

    /**
     * @param registry where the schemas are
     * @param autoRegisterRecords whether the CallRecord schema may be registered on first use. Replies register
     *     theirs in any case, as the SDK's providers do: the subject is the caller's reply topic's, one per caller,
     *     and the catalog cannot fill it
     * @param callsTopic the CallRecords' topic
     */
    Replies(SchemaRegistry registry, boolean autoRegisterRecords, String callsTopic) {
        this.replySerializer = new GsbAvroSerializer<>(registry, true);
        this.recordSerializer = new GsbAvroSerializer<>(registry, autoRegisterRecords);
        this.callsTopic = callsTopic;
    }

    /** A process for a composite request, as its message tells it (the SDK's headers; omitted ones implied). */
    static ProcessState newProcess(Record<byte[], byte[]> r, RecordMetadata where, String composite) {
        ProcessState p = new ProcessState();
        p.id = CompositeProcessor.text(r.headers(), GsbHeaders.CALL_ID);
        p.service = composite;
        String correlation = CompositeProcessor.text(r.headers(), GsbHeaders.CORRELATION_ID);
        p.correlationId = correlation != null ? correlation : p.id;
        p.parentCallId = CompositeProcessor.text(r.headers(), GsbHeaders.PARENT_CALL_ID);
        String agency = CompositeProcessor.text(r.headers(), GsbHeaders.AGENCY);
        p.caller = agency != null ? agency : Service.parse(composite).provider();
        String method = CompositeProcessor.text(r.headers(), GsbHeaders.METHOD);
        p.method = method != null ? method : "request";
        p.replyTo = CompositeProcessor.text(r.headers(), GsbHeaders.REPLY_TO);
        p.endUser = CompositeProcessor.text(r.headers(), GsbHeaders.END_USER);
        p.clientIp = CompositeProcessor.text(r.headers(), GsbHeaders.CLIENT_IP);
        p.device = CompositeProcessor.text(r.headers(), GsbHeaders.DEVICE);
        p.requestTopic = where.topic();
        p.requestPartition = where.partition();
        p.requestOffset = where.offset();
        p.requestSentAt = r.timestamp();
        p.receivedAt = System.currentTimeMillis();
        p.requestBytes = r.value() == null ? 0 : r.value().length;
        return p;
    }

    /** Every step done: the CompositeReply, and the composite's SUCCESS record. */
    List<Record<byte[], Outgoing>> succeed(ProcessState p, CompositeDefinition d) {
        List<CompositeStepOutcome> outcomes = new ArrayList<>();
        for (Step s : d.steps()) {
            StepCall c = p.steps.get(s.name());
            boolean ok = c.status == CallStatus.SUCCEEDED;
            outcomes.add(CompositeStepOutcome.newBuilder().setName(s.name()).setService(s.service())
                    .setCallId(ok ? c.callId : null).setStatus(ok ? StepStatus.SUCCEEDED : StepStatus.SKIPPED)
                    .setReply(ok && c.reply != null ? c.reply.toString() : null).build());
        }
        CompositeReply reply = CompositeReply.newBuilder().setService(p.service).setDefinitionVersion(p.version)
                .setSteps(outcomes).build();
        byte[] value = replySerializer.serialize(p.replyTo, reply);
        return List.of(reply(p, value, "OK", null, null, null),
                record(CallRecords.composite(p, Outcome.SUCCESS, null, null, value.length)));
    }

    /** A step failed and the completed ones were undone: the typed failure naming the step, and the record. */
    List<Record<byte[], Outgoing>> fail(ProcessState p, CompositeDefinition d) {
        StepCall failed = p.steps.get(p.failedStep);
        String code = Progress.failureCode(failed);
        String cause = failed.status == CallStatus.FAILED ? failed.errorCode + ": " + failed.errorMessage
                : failed.errorMessage;
        CompositeFailure f = new CompositeFailure(code, p.failedStep, d.step(p.failedStep).orElseThrow().service(), cause,
                p.compensated, p.notCompensated);
        return List.of(reply(p, null, "FAILED", code, f.message(), p.failedStep),
                record(CallRecords.composite(p, Outcome.FAILURE, code, f.message(), 0)));
    }

    /** The composite could not even start: a failure without a step. */
    List<Record<byte[], Outgoing>> refuse(ProcessState p, String code, String message) {
        return List.of(reply(p, null, "FAILED", code, message, null),
                record(CallRecords.composite(p, Outcome.INVALID, code, message, 0)));
    }

    private Record<byte[], Outgoing> reply(ProcessState p, byte[] value, String status, String code, String message,
                                          String failedStep) {
        long now = System.currentTimeMillis();
        RecordHeaders h = new RecordHeaders();
        StepCalls.put(h, GsbHeaders.CALL_ID, p.id);
        StepCalls.put(h, GsbHeaders.CORRELATION_ID, p.correlationId);
        StepCalls.put(h, GsbHeaders.RECEIVED_AT, Long.toString(p.receivedAt));
        StepCalls.put(h, GsbHeaders.REPLY_STATUS, status);
        StepCalls.put(h, GsbHeaders.ERROR_CODE, code);
        StepCalls.put(h, GsbHeaders.ERROR_MESSAGE, message);
        StepCalls.put(h, CompositeFailure.FAILED_STEP_HEADER, failedStep);
        // The record's timestamp is when the provider answered: the requester reads it from there.
        return new Record<>(p.id.getBytes(StandardCharsets.UTF_8), new Outgoing(p.replyTo, value), now, h);
    }

    /** @return the CallRecord as a message on the calls topic */
    Record<byte[], Outgoing> record(CallRecord r) {
        return new Record<>(null, new Outgoing(callsTopic, recordSerializer.serialize(callsTopic, r)), System.currentTimeMillis());
    }
}

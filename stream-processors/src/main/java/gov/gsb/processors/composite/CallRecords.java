package gov.gsb.processors.composite;

import gov.gsb.bus.CallKind;
import gov.gsb.bus.CallRecord;
import gov.gsb.bus.Outcome;
import gov.gsb.sdk.Service;
import java.time.Instant;

/**
 * The CallRecords of a composite call, written like the SDKs write theirs: the composite as a whole is a REPLY of
 * its provider (the orchestrator serving the caller), each step and compensation a REQUEST of the orchestrator's
 * agency whose {@code parentCallId} is the composite call's id. They go out in the task's transaction, so a crash
 * neither loses nor doubles them.
 */
final class CallRecords {

    /** What the records name as the writer's SDK version. */
    static final String VERSION = "orchestrator-" + version();

    private CallRecords() {
    }

    private static String version() {
        String v = CallRecords.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** The composite call, answered (or failed) now. */
    static CallRecord composite(ProcessState p, Outcome outcome, String code, String message, Integer replyBytes) {
        Service s = Service.parse(p.service);
        return new CallRecord(p.id, p.correlationId, p.parentCallId, CallKind.REPLY, p.service, p.version,
                p.method, s.provider(), p.caller, p.endUser, p.clientIp, p.device, VERSION, p.requestTopic,
                p.requestPartition, p.requestOffset, 1, Instant.ofEpochMilli(p.requestSentAt),
                Instant.ofEpochMilli(p.receivedAt), Instant.now(), null, outcome, code, truncate(message), p.requestBytes,
                replyBytes);
    }

    /**
     * A step's or compensation's call, ended by its reply or its timeout.
     *
     * @param receivedAt when the provider received the request (from its reply), or null
     * @param replySentAt when the provider answered, or null
     */
    static CallRecord step(ProcessState p, String service, ProcessState.StepCall c, String agency, Outcome outcome,
                           Long receivedAt, Long replySentAt, Integer replyBytes) {
        Service s = Service.parse(service);
        return new CallRecord(c.callId, p.correlationId, p.id, CallKind.REQUEST, service, 1,
                c.method == null ? "request" : c.method, s.provider(), agency, p.endUser, p.clientIp, p.device, VERSION,
                s.requestsTopic(), null, null, 1, Instant.ofEpochMilli(c.sentAt), instant(receivedAt),
                instant(replySentAt), outcome == Outcome.TIMEOUT ? null : Instant.now(), outcome,
                outcome == Outcome.SUCCESS ? null : c.errorCode, outcome == Outcome.SUCCESS ? null : truncate(c.errorMessage),
                c.requestBytes, replyBytes);
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}

package gov.gsb.processors;

import gov.gsb.bus.AuditEvent;
import gov.gsb.bus.AuditOutcome;
import gov.gsb.bus.CallKind;
import gov.gsb.bus.CallRecord;
import gov.gsb.bus.Outcome;
import java.time.Instant;
import java.util.List;

/** CallRecords and AuditEvents with every field set, for the topology tests. */
final class TestRecords {

    static final Instant T0 = Instant.parse("2026-03-01T10:15:00Z");

    private TestRecords() {
    }

    /** A successful REQUEST that got its reply: every field set. */
    static CallRecord.Builder request() {
        return CallRecord.newBuilder()
                .setCallId("call-1").setCorrelationId("case-42").setParentCallId("parent-7")
                .setKind(CallKind.REQUEST).setService("civil-registry.address-change").setServiceVersion(3)
                .setMethod("change-address").setProviderAgency("civil-registry").setConsumerAgency("tax")
                .setEndUser("jan.jansen").setClientIp("203.0.113.7").setDevice("Firefox 140")
                .setSdkVersion("gsb-java/0.1.0").setTopic("gsb.civil-registry.address-change.requests")
                .setPartition(2).setOffset(41L).setAttempt(1)
                .setRequestSentAt(T0.plusMillis(100)).setRequestReceivedAt(T0.plusMillis(130))
                .setReplySentAt(T0.plusMillis(180)).setReplyReceivedAt(T0.plusMillis(220))
                .setOutcome(Outcome.SUCCESS).setErrorCode(null).setErrorMessage(null)
                .setRequestBytes(512).setReplyBytes(128);
    }

    /** A PUBLISH with only the required fields. */
    static CallRecord.Builder publish() {
        return CallRecord.newBuilder()
                .setCallId("call-2").setCorrelationId("call-2").setKind(CallKind.PUBLISH)
                .setService("utilities.bill-issued").setServiceVersion(1).setMethod("BillIssued")
                .setProviderAgency("utilities").setSdkVersion("gsb-java/0.1.0").setTopic("gsb.utilities.bill-issued")
                .setRequestSentAt(T0).setOutcome(Outcome.DENIED).setErrorCode("NOT_AUTHORIZED")
                .setErrorMessage("may not publish").setRequestBytes(90);
    }

    /** A call of {@code provider} by {@code consumer} sent at {@code sentAt}, with a latency and an outcome. */
    static CallRecord call(String provider, String consumer, Instant sentAt, long latencyMs, Outcome outcome) {
        return CallRecord.newBuilder(publish().build())
                .setCallId(java.util.UUID.randomUUID().toString()).setKind(CallKind.DELIVERY)
                .setProviderAgency(provider).setService(provider + ".bill-issued").setConsumerAgency(consumer)
                .setRequestSentAt(sentAt).setRequestReceivedAt(sentAt.plusMillis(latencyMs)).setOutcome(outcome)
                .setErrorCode(outcome == Outcome.SUCCESS ? null : "X").setErrorMessage(null).build();
    }

    static AuditEvent.Builder audit() {
        return AuditEvent.newBuilder()
                .setEventId("event-1").setAt(T0).setActor("admin").setActorRoles(List.of("admin", "auditor"))
                .setClientIp("198.51.100.9").setUserAgent("curl/8.5").setAction("grant.create").setTargetType("grant")
                .setTargetId("grant-17").setBefore(null).setAfter("{\"service\":\"tax.refund\"}")
                .setOutcome(AuditOutcome.SUCCESS).setReason("ticket 123");
    }
}

package gov.gsb.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.bus.CallKind;
import gov.gsb.bus.CallRecord;
import gov.gsb.bus.Outcome;
import gov.gsb.sdk.CallContext;
import gov.gsb.sdk.Service;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CallTest {

    @Test
    void shouldCarryTheContextThroughHeadersToTheReceiver() {
        Service service = Service.of("civil-registry", "address-change");
        CallContext ctx = CallContext.builder().endUser("jan").clientIp("203.0.113.7").device("Firefox")
                .correlationId("case-1").parentCallId("parent-1").method("change-address").build();
        Call sent = Call.start(CallKind.REQUEST, service, "request", ctx);
        sent.requestSentAt = Instant.ofEpochMilli(1_700_000_000_000L);
        RecordHeaders headers = new RecordHeaders();

        sent.writeHeaders(headers, "tax", "request");
        Call received = Call.received(CallKind.REPLY, service, headers, sent.requestSentAt.toEpochMilli());

        assertThat(received.callId).isEqualTo(sent.callId);
        assertThat(received.correlationId).isEqualTo("case-1");
        assertThat(received.parentCallId).isEqualTo("parent-1");
        assertThat(received.endUser).isEqualTo("jan");
        assertThat(received.clientIp).isEqualTo("203.0.113.7");
        assertThat(received.device).isEqualTo("Firefox");
        assertThat(received.method).isEqualTo("change-address");
        assertThat(received.requestSentAt).isEqualTo(sent.requestSentAt);
        assertThat(Call.text(headers, "gsb-agency")).isEqualTo("tax");
    }

    @Test
    void shouldSendOnlyTheCallIdWhenEverythingElseIsImplied() {
        Service service = Service.of("civil-registry", "address-changed");
        Call sent = Call.start(CallKind.PUBLISH, service, "publish", CallContext.none());
        RecordHeaders headers = new RecordHeaders();

        sent.writeHeaders(headers, "civil-registry", "publish");
        Call received = Call.received(CallKind.DELIVERY, service, headers, 1_000L);

        assertThat(headers.toArray()).extracting(h -> h.key()).containsExactly("gsb-call-id");
        assertThat(received.correlationId).isEqualTo(sent.callId);
        assertThat(received.method).isEqualTo("publish");
        assertThat(Call.sender(headers, service)).isEqualTo("civil-registry");
        assertThat(received.requestSentAt).isEqualTo(Instant.ofEpochMilli(1_000L));
    }

    @Test
    void shouldGiveAMessageFromAPlainKafkaClientACallIdOfItsOwn() {
        Call received = Call.received(CallKind.DELIVERY, Service.of("tax", "t"), new RecordHeaders(), 0L);

        assertThat(received.callId).hasSize(36);
        assertThat(received.correlationId).isEqualTo(received.callId);
    }

    @Test
    void shouldMakeARecordWithTheCallsFields() {
        Call call = Call.start(CallKind.PUBLISH, Service.of("tax", "assessment"), "publish", CallContext.none());
        call.topic = "gsb.tax.assessment";
        call.requestSentAt = Instant.ofEpochMilli(1_000);
        call.requestBytes = 42;

        CallRecord r = call.toRecord(Outcome.FAILURE, "BUS_UNAVAILABLE", "x".repeat(5000));

        assertThat(r.getService()).isEqualTo("tax.assessment");
        assertThat(r.getProviderAgency()).isEqualTo("tax");
        assertThat(r.getMethod()).isEqualTo("publish");
        assertThat(r.getSdkVersion()).startsWith("gsb-java/");
        assertThat(r.getErrorMessage()).hasSize(1000);
        assertThat(r.getRequestBytes()).isEqualTo(42);
    }
}

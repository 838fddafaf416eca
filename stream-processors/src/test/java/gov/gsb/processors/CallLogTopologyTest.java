package gov.gsb.processors;

import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.bus.CallKind;
import gov.gsb.bus.CallRecord;
import gov.gsb.bus.Outcome;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallLogTopologyTest {

    private final TopologyHarness harness = new TopologyHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void shouldWriteEveryFieldOfACallRecordToItsRow() {
        harness.send(TestRecords.request().build());

        CallRow row = harness.writer.rows(Table.CALLS).get(0);
        assertThat(row).isEqualTo(new CallRow("call-1", "case-42", "parent-7", "REQUEST",
                "civil-registry.address-change", 3, "change-address", "civil-registry", "tax", "jan.jansen",
                "203.0.113.7", "Firefox 140", "gsb-java/0.1.0", "gsb.civil-registry.address-change.requests", 2, 41L, 1,
                TestRecords.T0.plusMillis(100), TestRecords.T0.plusMillis(130), TestRecords.T0.plusMillis(180),
                TestRecords.T0.plusMillis(220), "SUCCESS", "", "", 512, 128L, 120L, 0, 0));
    }

    @Test
    void shouldWriteAbsentTextAsEmptyAndAbsentNumbersAsNull() {
        harness.send(TestRecords.publish().build());

        CallRow row = harness.writer.rows(Table.CALLS).get(0);
        assertThat(row.parentCallId()).isEmpty();
        assertThat(row.consumerAgency()).isEmpty();
        assertThat(row.endUser()).isEmpty();
        assertThat(row.clientIp()).isEmpty();
        assertThat(row.device()).isEmpty();
        assertThat(row.partition()).isNull();
        assertThat(row.offset()).isNull();
        assertThat(row.requestReceivedAt()).isNull();
        assertThat(row.replySentAt()).isNull();
        assertThat(row.replyReceivedAt()).isNull();
        assertThat(row.replyBytes()).isNull();
        assertThat(row.latencyMs()).as("a denied publish was never received").isNull();
        assertThat(row.outcome()).isEqualTo("DENIED");
        assertThat(row.errorCode()).isEqualTo("NOT_AUTHORIZED");
        assertThat(row.errorMessage()).isEqualTo("may not publish");
    }

    @Test
    void shouldRecordWhereEachRecordWasRead() {
        harness.send(TestRecords.publish().setCallId("a").build());
        harness.send(TestRecords.publish().setCallId("b").build());

        assertThat(harness.writer.rows(Table.CALLS)).extracting(CallRow::callId, CallRow::sourcePartition,
                CallRow::sourceOffset).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", 0, 0L), org.assertj.core.groups.Tuple.tuple("b", 0, 1L));
        assertThat(harness.writer.rows(Table.CALLS).get(1).sourcePosition()).isEqualTo(1L);
    }

    @Test
    void shouldTakeTheLatencyFromTheReplyForARequestAndFromTheReceiptOtherwise() {
        CallRecord answered = TestRecords.request().build();
        CallRecord timedOut = TestRecords.request().setReplyReceivedAt(null).setReplySentAt(null)
                .setRequestReceivedAt(null).setOutcome(Outcome.TIMEOUT).build();
        CallRecord reply = TestRecords.request().setKind(CallKind.REPLY).setReplyReceivedAt(null).build();
        CallRecord delivery = TestRecords.request().setKind(CallKind.DELIVERY).build();
        CallRecord skewed = TestRecords.request().setKind(CallKind.DELIVERY)
                .setRequestReceivedAt(TestRecords.T0).build();

        assertThat(List.of(answered, timedOut, reply, delivery, skewed)).extracting(CallRow::latencyOf)
                .containsExactly(120L, null, 30L, 30L, 0L);
    }

    @Test
    void shouldWriteNothingForATombstone() {
        harness.calls.pipeInput(new byte[] {1}, null);

        assertThat(harness.writer.rows(Table.CALLS)).isEmpty();
        assertThat(harness.writer.rows(Table.CALLS_PER_MINUTE)).isEmpty();
    }

    @Test
    void shouldFailTheCommitWhenItsRowsCannotBeWritten() {
        harness.writer.failWith(new java.io.IOException("ClickHouse is away"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> harness.send(TestRecords.publish().build()))
                .hasRootCauseMessage("ClickHouse is away");
        harness.writer.failWith(null); // for the driver's clean close
    }

    @Test
    void shouldWriteARowBeforeTheRecordIsCommitted() {
        harness.send(TestRecords.publish().build());

        // The driver commits after each record; by then the row is written (PendingRows.flushCache).
        assertThat(harness.writer.inserts()).extracting(FakeTableWriter.Insert::table).contains(Table.CALLS);
    }
}

package gov.gsb.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.gsb.bus.CallKind;
import gov.gsb.bus.CallRecord;
import gov.gsb.bus.Outcome;
import gov.gsb.sdk.CallContext;
import gov.gsb.sdk.Service;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

class CallRecorderTest {

    private static final Serializer<CallRecord> CALL_ID_BYTES = (topic, r) -> r.getCallId().getBytes(StandardCharsets.UTF_8);

    private static CallRecord record(String id) {
        Call call = Call.start(CallKind.PUBLISH, Service.of("tax", "t"), "publish", CallContext.none());
        call.callId = id;
        call.topic = "gsb.tax.t";
        return call.toRecord(Outcome.SUCCESS, null, null);
    }

    @Test
    void shouldSendEveryRecordInTheBackground() {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        try (CallRecorder recorder = new CallRecorder(producer, CALL_ID_BYTES, "gsb.calls", 100)) {
            for (int i = 0; i < 50; i++) {
                recorder.record(record("c" + i));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> recorder.sentCount() == 50);
            assertThat(producer.history()).hasSize(50).allMatch(r -> r.topic().equals("gsb.calls"));
            assertThat(recorder.droppedCount()).isZero();
        }
    }

    @Test
    void shouldKeepRecordsWhileTheBusFailsAndSendThemWhenItIsBack() {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        try (CallRecorder recorder = new CallRecorder(producer, CALL_ID_BYTES, "gsb.calls", 100)) {
            recorder.record(record("kept"));
            await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == 1);
            producer.errorNext(new NetworkException("broker away")); // retriable: the record is queued again

            await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == 2);
            producer.completeNext();

            await().atMost(Duration.ofSeconds(5)).until(() -> recorder.sentCount() == 1);
            assertThat(new String(producer.history().get(1).value(), StandardCharsets.UTF_8)).isEqualTo("kept");
            assertThat(recorder.droppedCount()).isZero();
        }
    }

    @Test
    void shouldDropTheOldestPastTheBoundAndCountThem() {
        // Never acknowledges: everything stays in flight or queued.
        MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        CallRecorder recorder = new CallRecorder(producer, (topic, r) -> {
            throw new org.apache.kafka.common.errors.TimeoutException("registry away");
        }, "gsb.calls", 10);

        for (int i = 0; i < 25; i++) {
            recorder.record(record("c" + i));
        }

        // Every record is either waiting (at most the bound) or counted as dropped; none vanishes.
        await().atMost(Duration.ofSeconds(5))
                .until(() -> recorder.droppedCount() + recorder.pendingCount() == 25 && recorder.pendingCount() <= 10);
        assertThat(recorder.droppedCount()).isGreaterThanOrEqualTo(15);
        recorder.close(Duration.ofMillis(200));
        assertThat(recorder.droppedCount()).isEqualTo(25);
        assertThat(recorder.sentCount()).isZero();
    }

    @Test
    void shouldNeverBlockTheCaller() {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        try (CallRecorder recorder = new CallRecorder(producer, CALL_ID_BYTES, "gsb.calls", 1)) {
            long start = System.nanoTime();
            for (int i = 0; i < 10_000; i++) {
                recorder.record(record("c" + i));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> recorder.droppedCount() + recorder.pendingCount() + recorder.sentCount() == 10_000);
        }
    }
}

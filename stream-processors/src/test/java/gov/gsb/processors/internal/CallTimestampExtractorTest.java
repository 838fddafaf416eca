package gov.gsb.processors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.bus.CallRecord;
import gov.gsb.schemas.Samples;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class CallTimestampExtractorTest {

    private static final Instant SENT = Instant.parse("2026-03-01T10:15:00Z");
    private final CallTimestampExtractor extractor = new CallTimestampExtractor();

    private long extract(Object value, long written, long partitionTime) {
        return extractor.extract(new ConsumerRecord<>("gsb.calls", 0, 0, written, TimestampType.CREATE_TIME, 0, 0, null,
                value, new RecordHeaders(), Optional.empty()), partitionTime);
    }

    private static CallRecord sentAt(Instant sent) {
        return CallRecord.newBuilder((CallRecord) Samples.of(CallRecord.class).orElseThrow()).setRequestSentAt(sent).build();
    }

    @Test
    void shouldTakeWhenTheCallWasSent() {
        assertThat(extract(sentAt(SENT), SENT.plusSeconds(20).toEpochMilli(), 0)).isEqualTo(SENT.toEpochMilli());
    }

    @Test
    void shouldNotBeLaterThanWhenTheRecordWasWritten() {
        long written = SENT.toEpochMilli();

        assertThat(extract(sentAt(SENT.plusSeconds(86_400 * 365)), written, 0)).isEqualTo(written);
    }

    @Test
    void shouldNeverBeNegative() {
        assertThat(extract(sentAt(Instant.ofEpochMilli(-5)), 1_000, 0)).isEqualTo(1_000);
        assertThat(extract(null, -1, 77)).isEqualTo(77);
        assertThat(extract(null, -1, -1)).isZero();
    }

    @Test
    void shouldTakeTheRecordsTimeForATombstone() {
        assertThat(extract(null, 1_234, 0)).isEqualTo(1_234);
    }
}

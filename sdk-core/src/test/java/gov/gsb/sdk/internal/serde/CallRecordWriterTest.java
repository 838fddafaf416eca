package gov.gsb.sdk.internal.serde;

import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.bus.CallKind;
import gov.gsb.bus.CallRecord;
import gov.gsb.bus.Outcome;
import gov.gsb.schemas.Samples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

class CallRecordWriterTest {

    @Test
    void shouldWriteExactlyWhatAvrosOwnWriterWrites() throws IOException {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            CallRecord r = randomRecord(random);
            assertThat(bytes(new CallRecordWriter(), r)).as("record %d: %s", i, r)
                    .isEqualTo(bytes(new SpecificDatumWriter<>(CallRecord.getClassSchema()), r));
        }
    }

    @Test
    void shouldFitOnlyTheCallRecordSchemaItKnows() {
        assertThat(CallRecordWriter.fits(CallRecord.getClassSchema())).isTrue();
        Schema other = SchemaBuilder.record("CallRecord").namespace("gov.gsb.bus").fields()
                .requiredString("callId").endRecord();
        assertThat(CallRecordWriter.fits(other)).isFalse();
    }

    private static CallRecord randomRecord(Random random) {
        return CallRecord.newBuilder(Samples.callRecord())
                .setParentCallId(random.nextBoolean() ? null : "parent-" + random.nextInt())
                .setKind(CallKind.values()[random.nextInt(CallKind.values().length)])
                .setOutcome(Outcome.values()[random.nextInt(Outcome.values().length)])
                .setServiceVersion(random.nextInt(5))
                .setConsumerAgency(random.nextBoolean() ? null : "agency-é-" + random.nextInt(100))
                .setEndUser(random.nextBoolean() ? null : "user " + random.nextLong())
                .setClientIp(random.nextBoolean() ? null : "2001:db8::" + random.nextInt(999))
                .setDevice(random.nextBoolean() ? null : "Mozilla/5.0 ✓")
                .setPartition(random.nextBoolean() ? null : random.nextInt(64))
                .setOffset(random.nextBoolean() ? null : random.nextLong())
                .setAttempt(1 + random.nextInt(4))
                .setRequestSentAt(Instant.ofEpochMilli(random.nextLong() >>> 20))
                .setRequestReceivedAt(random.nextBoolean() ? null : Instant.ofEpochMilli(random.nextInt()))
                .setReplySentAt(random.nextBoolean() ? null : Instant.ofEpochMilli(random.nextInt() & 0xffffff))
                .setReplyReceivedAt(random.nextBoolean() ? null : Instant.ofEpochMilli(1_700_000_000_000L))
                .setErrorCode(random.nextBoolean() ? null : "CODE_" + random.nextInt(9))
                .setErrorMessage(random.nextBoolean() ? null : "x".repeat(random.nextInt(300)))
                .setRequestBytes(random.nextInt(100_000))
                .setReplyBytes(random.nextBoolean() ? null : -random.nextInt(10))
                .build();
    }

    private static byte[] bytes(DatumWriter<? super CallRecord> writer, CallRecord r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
        writer.write(r, enc);
        enc.flush();
        return out.toByteArray();
    }
}

package gov.gsb.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.gsb.sample.utilities.BillIssued;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every contract survives Avro's binary encoding through its generated class, and the logical types behave. */
class SampleRoundTripTest {

    static Iterable<Contracts.Contract> contracts() {
        return Contracts.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void shouldComeBackEqualFromBinaryEncoding(Contracts.Contract contract) throws IOException {
        SpecificRecord sample = Samples.of(contract.type())
                .orElseThrow(() -> new AssertionError("add a sample of " + contract.fullName() + " to Samples"));

        SpecificRecord decoded = decode(encode(sample), contract.type());

        assertThat(decoded).isInstanceOf(contract.type()).isEqualTo(sample);
    }

    @Test
    void shouldKeepAmountsExact() throws IOException {
        BillIssued bill = BillIssued.newBuilder(Samples.billIssued()).setAmount(new BigDecimal("9999999999.99")).build();

        BillIssued decoded = decode(encode(bill), BillIssued.class);

        assertThat(decoded.getAmount()).isEqualTo(new BigDecimal("9999999999.99"));
    }

    @Test
    void shouldPadAnAmountWithFewerDecimals() throws IOException {
        BillIssued bill = BillIssued.newBuilder(Samples.billIssued()).setAmount(new BigDecimal("84.5")).build();

        BillIssued decoded = decode(encode(bill), BillIssued.class);

        assertThat(decoded.getAmount()).isEqualTo(new BigDecimal("84.50"));
    }

    @Test
    void shouldRefuseToEncodeAnAmountThatNeedsRounding() {
        // Avro never rounds money: the sender must decide how.
        BillIssued bill = BillIssued.newBuilder(Samples.billIssued()).setAmount(new BigDecimal("84.505")).build();

        assertThatThrownBy(() -> encode(bill)).isInstanceOf(AvroTypeException.class).hasMessageContaining("rounding");
    }

    @Test
    void shouldRefuseToEncodeAnAmountBeyondTheContractsPrecision() {
        BillIssued bill = BillIssued.newBuilder(Samples.billIssued()).setAmount(new BigDecimal("10000000000.00")).build();

        assertThatThrownBy(() -> encode(bill)).isInstanceOf(AvroTypeException.class).hasMessageContaining("precision");
    }

    @Test
    void shouldKeepTimestampsToTheMillisecond() throws IOException {
        Instant withNanos = Instant.parse("2025-03-01T09:30:00.123456789Z");
        BillIssued bill = BillIssued.newBuilder(Samples.billIssued()).setIssuedAt(withNanos).build();

        BillIssued decoded = decode(encode(bill), BillIssued.class);

        assertThat(decoded.getIssuedAt()).isEqualTo(Instant.parse("2025-03-01T09:30:00.123Z"));
    }

    static byte[] encode(SpecificRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    static <T> T decode(byte[] bytes, Class<T> type) throws IOException {
        Schema schema = org.apache.avro.specific.SpecificData.get().getSchema(type);
        return new SpecificDatumReader<T>(schema).read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }
}

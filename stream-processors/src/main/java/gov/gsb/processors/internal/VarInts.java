package gov.gsb.processors.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Unsigned LEB128 numbers and length-prefixed UTF-8 text: the compact encoding of the rollup state. */
final class VarInts {

    private VarInts() {
    }

    /** @return the bytes {@link #putLong} writes for {@code value} (a non-negative number) */
    static int size(long value) {
        int n = 1;
        while ((value & ~0x7FL) != 0) {
            value >>>= 7;
            n++;
        }
        return n;
    }

    static void putLong(ByteBuffer out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.put((byte) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.put((byte) value);
    }

    static long getLong(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("a variable-length number longer than 10 bytes");
    }

    static int getInt(ByteBuffer in) {
        return Math.toIntExact(getLong(in));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static void putText(ByteBuffer out, byte[] utf8) {
        putLong(out, utf8.length);
        out.put(utf8);
    }

    static String getText(ByteBuffer in) {
        int length = getInt(in);
        String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }
}

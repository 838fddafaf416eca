package gov.gsb.sdk.internal.serde;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;

/**
 * Where the serializer writes: one growable byte array and one Avro encoder per thread, reused for every record, so
 * that a record costs its encoding plus a single copy into the returned array. The header goes in first, then the
 * encoder appends the payload behind it; no intermediate stream, no second copy.
 */
public final class EncodeBuffer extends OutputStream {

    private static final ThreadLocal<EncodeBuffer> PER_THREAD = ThreadLocal.withInitial(EncodeBuffer::new);
    private static final int INITIAL_SIZE = 512;
    // A thread that once wrote a huge record does not keep that much memory for ever.
    private static final int KEEP_AT_MOST = 1 << 20;

    private byte[] buffer = new byte[INITIAL_SIZE];
    private int count;
    private BinaryEncoder encoder;

    private EncodeBuffer() {
    }

    /**
     * Encodes one record in the wire format.
     *
     * @param schemaId the id to write in the header
     * @param writer the writer for the record's schema
     * @param record the record
     * @return a new array holding the header and the payload
     * @throws IOException or a runtime exception from Avro if the record cannot be encoded
     */
    public static byte[] encode(int schemaId, DatumWriter<Object> writer, Object record) throws IOException {
        return PER_THREAD.get().write(schemaId, writer, record);
    }

    private byte[] write(int schemaId, DatumWriter<Object> writer, Object record) throws IOException {
        WireFormat.writeHeader(buffer, schemaId); // the initial size always holds the header
        count = WireFormat.HEADER_SIZE;
        if (encoder == null) {
            // Buffered: Avro encodes into its own block and hands it over in few, large writes.
            encoder = EncoderFactory.get().binaryEncoder(this, null);
        }
        boolean written = false;
        try {
            writer.write(record, encoder);
            encoder.flush();
            written = true;
            return Arrays.copyOf(buffer, count);
        } finally {
            if (!written) {
                encoder = null; // a failed write leaves bytes inside the encoder: never let them into the next record
            }
            if (buffer.length > KEEP_AT_MOST) {
                buffer = new byte[INITIAL_SIZE];
            }
        }
    }

    @Override
    public void write(int b) {
        ensure(1);
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, count, length);
        count += length;
    }

    private void ensure(int more) {
        if (count + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, count + more));
        }
    }
}

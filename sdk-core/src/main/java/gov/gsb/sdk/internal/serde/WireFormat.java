package gov.gsb.sdk.internal.serde;

import gov.gsb.sdk.InvalidMessageException;

/**
 * Confluent's wire format, which every GSB message's key and value follow: the magic byte {@code 0}, the schema's
 * registry id as a 4-byte big-endian int, then the record in Avro binary. Subjects follow Confluent's
 * TopicNameStrategy: {@code <topic>-value}, {@code <topic>-key}.
 */
public final class WireFormat {

    /** The first byte of every message. */
    public static final byte MAGIC = 0;
    /** The magic byte and the schema id. */
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /**
     * @param topic the topic
     * @param isKey whether the subject is for keys
     * @return {@code <topic>-key} or {@code <topic>-value}
     */
    public static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }

    /** Writes the header into {@code buffer} from index 0. */
    static void writeHeader(byte[] buffer, int schemaId) {
        buffer[0] = MAGIC;
        buffer[1] = (byte) (schemaId >>> 24);
        buffer[2] = (byte) (schemaId >>> 16);
        buffer[3] = (byte) (schemaId >>> 8);
        buffer[4] = (byte) schemaId;
    }

    /**
     * Reads the schema id of a message, after checking it is one.
     *
     * @param topic the topic it was read from, for the message of an error
     * @param data the bytes
     * @param offset where the message starts
     * @param length its length
     * @return the schema id
     * @throws InvalidMessageException (fatal) if the bytes are too short for the header or lack the magic byte
     */
    public static int schemaId(String topic, byte[] data, int offset, int length) {
        if (length < HEADER_SIZE) {
            throw new InvalidMessageException("topic " + topic + ": a message of " + length + " bytes is too short "
                    + "for the GSB (Confluent) wire format, which starts with the magic byte 0 and a 4-byte schema id: "
                    + "it was not written by a registry-aware Avro serializer", null);
        }
        if (data[offset] != MAGIC) {
            throw new InvalidMessageException("topic " + topic + ": the message starts with byte " + data[offset]
                    + ", not the magic byte 0 of the GSB (Confluent) wire format: it was written by another kind of "
                    + "serializer (plain Avro, JSON, strings?), or with schema ids in headers", null);
        }
        return (data[offset + 1] & 0xff) << 24 | (data[offset + 2] & 0xff) << 16 | (data[offset + 3] & 0xff) << 8
                | data[offset + 4] & 0xff;
    }
}

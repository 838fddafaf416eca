package gov.gsb.sdk;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Bytes that are not a GSB message: no magic byte 0, an unknown schema id, or Avro that does not
 * decode with the writer's schema; or a value the serializer cannot encode. Fatal for that
 * message: a consumer sends it to its dead-letter topic and goes on.
 */
public class InvalidMessageException extends SerializationException implements GsbError {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong with the bytes or the value
     * @param cause the decoding failure
     */
    public InvalidMessageException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorCode() {
        return "INVALID_MESSAGE";
    }

    @Override
    public boolean isRetriable() {
        return false;
    }
}

package gov.gsb.sdk;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The registry has no id for this schema under this subject and the SDK may not register it
 * ({@code gsb.schemas.auto.register=false}, the production default). Fatal: register the
 * contract through the catalog first, or enable auto-registration on a development stack.
 */
public class SchemaNotRegisteredException extends SerializationException implements GsbError {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which schema and subject
     * @param cause the registry's answer
     */
    public SchemaNotRegisteredException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorCode() {
        return "SCHEMA_NOT_REGISTERED";
    }

    @Override
    public boolean isRetriable() {
        return false;
    }
}

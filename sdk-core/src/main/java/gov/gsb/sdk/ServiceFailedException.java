package gov.gsb.sdk;

import org.apache.kafka.common.errors.ApiException;

/**
 * The provider answered a request with a failure instead of a reply: its handler refused the
 * request or failed. Carries the provider's own error code and message. Fatal for this request.
 */
public class ServiceFailedException extends ApiException implements GsbError {

    private static final long serialVersionUID = 1L;

    private final String errorCode;

    /**
     * @param errorCode the provider's code, e.g. {@code INVALID_POSTAL_CODE} or {@code HANDLER_FAILED}
     * @param message the provider's message
     */
    public ServiceFailedException(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    @Override
    public String errorCode() {
        return errorCode;
    }

    @Override
    public boolean isRetriable() {
        return false;
    }
}

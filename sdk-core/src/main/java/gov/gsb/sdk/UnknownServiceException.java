package gov.gsb.sdk;

import org.apache.kafka.common.errors.ApiException;

/**
 * No such service on the bus: its topic does not exist (never registered in the catalog, or
 * retired). Fatal: check the service's name, or ask its provider to register it.
 */
public class UnknownServiceException extends ApiException implements GsbError {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which service and topic were not found
     * @param cause the underlying failure
     */
    public UnknownServiceException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorCode() {
        return "UNKNOWN_SERVICE";
    }

    @Override
    public boolean isRetriable() {
        return false;
    }
}

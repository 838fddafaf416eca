package gov.gsb.sdk;

import org.apache.kafka.common.errors.TimeoutException;

/**
 * No reply from the provider within the request's timeout. Retriable: the provider may be slow
 * or down; the request may still be served later (make requests idempotent, using their id).
 */
public class ServiceTimeoutException extends TimeoutException implements GsbError {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which service, which call id, how long was waited
     */
    public ServiceTimeoutException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "TIMEOUT";
    }

    @Override
    public boolean isRetriable() {
        return true;
    }
}

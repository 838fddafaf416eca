package gov.gsb.sdk;

import org.apache.kafka.common.errors.RetriableException;

/**
 * The bus (a broker, the registry or the token endpoint) could not be reached or did not answer
 * in time. Retriable: the same call may succeed once it is back.
 */
public class BusUnavailableException extends RetriableException implements GsbError {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what could not be reached
     * @param cause the underlying failure
     */
    public BusUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorCode() {
        return "BUS_UNAVAILABLE";
    }

    @Override
    public boolean isRetriable() {
        return true;
    }
}

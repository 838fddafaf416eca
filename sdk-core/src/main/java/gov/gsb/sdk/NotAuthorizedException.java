package gov.gsb.sdk;

import org.apache.kafka.common.errors.AuthorizationException;

/**
 * The bus refused the call: the caller's agency (its user, groups and roles) holds no grant for
 * this operation on this service, or a DENY grant applies. Fatal: retrying will not help until
 * an administrator grants access.
 */
public class NotAuthorizedException extends AuthorizationException implements GsbError {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was refused and what to ask for
     * @param cause the broker's or registry's refusal
     */
    public NotAuthorizedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorCode() {
        return "NOT_AUTHORIZED";
    }

    @Override
    public boolean isRetriable() {
        return false;
    }
}

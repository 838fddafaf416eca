package gov.gsb.admin.keycloak;

/**
 * Keycloak's admin API refused a call or could not be reached: a fault of the bus's set-up, not of the request
 * (access-admin's client lacks a realm-management role, Keycloak is down, ...).
 */
public final class KeycloakException extends RuntimeException {

    private final int status;

    KeycloakException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** Keycloak's HTTP status, or 0 when it did not answer. */
    public int status() {
        return status;
    }
}

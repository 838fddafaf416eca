package gov.gsb.devstack;

/**
 * Why the stack could not do what was asked, in one line that names the cause and the fix.
 *
 * <p>The launcher prints only {@link #getMessage()}: a user should never have to read a stack
 * trace to learn that a port is taken or a JDK is missing.
 */
public class DevstackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the cause and the fix, for example
     *     "port 8080 (keycloak http) is taken by another program: set GSB_KEYCLOAK_PORT to a free port"
     */
    public DevstackException(String message) {
        super(message);
    }

    /**
     * @param message the cause and the fix
     * @param cause the underlying failure, kept for the log
     */
    public DevstackException(String message, Throwable cause) {
        super(message, cause);
    }
}

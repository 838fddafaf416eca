package gov.gsb.sdk;

/**
 * What every error the SDKs raise can tell its caller: a stable code (also written into the
 * call's {@code CallRecord}) and whether trying again can help.
 *
 * <p>The errors themselves sit on Kafka's hierarchy, so code that already handles Kafka's
 * exceptions handles ours: retriable ones extend {@link org.apache.kafka.common.errors.RetriableException}.
 *
 * <table>
 *   <caption>The SDKs' errors</caption>
 *   <tr><th>error</th><th>code</th><th>retriable</th></tr>
 *   <tr><td>{@link NotAuthorizedException}</td><td>NOT_AUTHORIZED</td><td>no: ask for a grant</td></tr>
 *   <tr><td>{@link UnknownServiceException}</td><td>UNKNOWN_SERVICE</td><td>no: check the name or the catalog</td></tr>
 *   <tr><td>{@link SchemaIncompatibleException}</td><td>SCHEMA_INCOMPATIBLE</td><td>no: fix the contract</td></tr>
 *   <tr><td>{@link SchemaNotRegisteredException}</td><td>SCHEMA_NOT_REGISTERED</td><td>no: register it</td></tr>
 *   <tr><td>{@link InvalidMessageException}</td><td>INVALID_MESSAGE</td><td>no: the bytes are not a GSB message</td></tr>
 *   <tr><td>{@link ServiceFailedException}</td><td>the provider's code</td><td>no: the provider said no</td></tr>
 *   <tr><td>{@link ServiceTimeoutException}</td><td>TIMEOUT</td><td>yes</td></tr>
 *   <tr><td>{@link BusUnavailableException}</td><td>BUS_UNAVAILABLE</td><td>yes</td></tr>
 * </table>
 */
public interface GsbError {

    /**
     * A short, stable, upper-case code such as {@code NOT_AUTHORIZED}.
     *
     * @return the code
     */
    String errorCode();

    /**
     * Whether the same call may succeed if tried again later.
     *
     * @return true for transient failures (timeouts, an unreachable bus)
     */
    boolean isRetriable();
}

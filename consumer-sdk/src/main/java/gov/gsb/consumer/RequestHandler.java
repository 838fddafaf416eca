package gov.gsb.consumer;

/**
 * Serves one request of a two-way service this agency provides: returns the reply, which is sent
 * back to the requester. To refuse a request with a reason of your own, throw
 * {@link gov.gsb.sdk.ServiceFailedException} with a code (e.g. {@code INVALID_POSTAL_CODE}): the
 * requester gets it at once, as a typed failure. Any other exception is retried
 * ({@code gsb.retries} times, with backoff), then answered as a failure with code
 * {@code HANDLER_FAILED}. No request goes unanswered.
 *
 * @param <Q> the request's type
 * @param <R> the reply's type
 */
@FunctionalInterface
public interface RequestHandler<Q, R> {

    /**
     * @param request the request
     * @param message where it came from
     * @return the reply, an Avro record
     * @throws Exception to refuse ({@link gov.gsb.sdk.ServiceFailedException}) or to have it retried
     */
    R handle(Q request, Message message) throws Exception;
}

package gov.gsb.consumer;

/**
 * Handles one event of a subscribed service. Returning normally means handled: the event's
 * offset is committed. Throwing means try again (with backoff, {@code gsb.retries} times), then
 * the event goes to the dead-letter topic with the reason, and the next event is handled.
 *
 * @param <T> the event's type (the class generated from the service's contract)
 */
@FunctionalInterface
public interface EventHandler<T> {

    /**
     * @param event the event, decoded with the application's class as the reader schema
     * @param message where it came from
     * @throws Exception to have it retried and, past the retries, dead-lettered
     */
    void handle(T event, Message message) throws Exception;
}

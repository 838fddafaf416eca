package gov.gsb.consumer.internal;

import gov.gsb.consumer.EventHandler;
import gov.gsb.consumer.Message;
import gov.gsb.consumer.RequestHandler;
import gov.gsb.sdk.GsbAvroDeserializer;
import gov.gsb.sdk.Service;

/**
 * One topic this subscriber reads: a service's events (with their handler) or its requests (with
 * the handler that serves them).
 *
 * @param service the service
 * @param topic its events or requests topic
 * @param decoder decodes its messages with the application's class as the reader schema
 * @param events the event handler, or null for a served service
 * @param requests the request handler, or null for a subscription to events
 */
public record Subscription(Service service, String topic, GsbAvroDeserializer<Object> decoder,
                           EventHandler<Object> events, RequestHandler<Object, Object> requests) {

    /** @return whether this is a two-way service this agency serves */
    public boolean serves() {
        return requests != null;
    }

    /** Runs the handler once; for a request, returns the reply. */
    Object handle(Object value, Message message) throws Exception {
        if (requests != null) {
            return requests.handle(value, message);
        }
        events.handle(value, message);
        return null;
    }
}

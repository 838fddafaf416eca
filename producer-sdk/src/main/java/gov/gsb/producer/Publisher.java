package gov.gsb.producer;

import gov.gsb.sdk.CallContext;
import gov.gsb.sdk.Service;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * What an agency application does on the bus as a sender: publish events of the services its
 * agency provides, and call other agencies' two-way services. {@link GsbPublisher} is the real
 * one; {@link MockPublisher} is a test double for the application's own unit tests.
 *
 * <p>Events and requests are Avro records (classes generated from the service's contract, or
 * {@code GenericRecord}s). Every call writes a CallRecord to the bus, success or failure,
 * without making the caller wait for it.
 *
 * <p>Failed stages complete with the SDK's typed errors ({@link gov.gsb.sdk.GsbError}):
 * {@link gov.gsb.sdk.NotAuthorizedException}, {@link gov.gsb.sdk.UnknownServiceException},
 * {@link gov.gsb.sdk.SchemaIncompatibleException}, {@link gov.gsb.sdk.InvalidMessageException}
 * (fatal) and {@link gov.gsb.sdk.BusUnavailableException},
 * {@link gov.gsb.sdk.ServiceTimeoutException} (retriable).
 */
public interface Publisher extends AutoCloseable {

    /**
     * Publishes an event of one of this agency's services ({@code gsb.<agency>.<service>}).
     *
     * @param service the service's name within this agency, e.g. {@code address-changed}
     * @param key the event's key: events with the same key are delivered in order (a citizen id, say)
     * @param event the event, an Avro record
     * @return completes when the bus has stored the event, or with a typed error
     */
    default CompletionStage<PublishReceipt> publish(String service, String key, Object event) {
        return publish(service, key, event, CallContext.none());
    }

    /**
     * Publishes an event with the call's context (end user, IP, device, correlation id).
     *
     * @param service the service's name within this agency
     * @param key the event's key
     * @param event the event, an Avro record
     * @param context who the call is made for and from where
     * @return completes when the bus has stored the event, or with a typed error
     */
    CompletionStage<PublishReceipt> publish(String service, String key, Object event, CallContext context);

    /**
     * Publishes and waits for the bus to store the event.
     *
     * @param service the service's name within this agency
     * @param key the event's key
     * @param event the event, an Avro record
     * @return the receipt
     * @throws gov.gsb.sdk.NotAuthorizedException (fatal) the agency holds no publish grant
     * @throws gov.gsb.sdk.UnknownServiceException (fatal) the service has no topic
     * @throws gov.gsb.sdk.SchemaIncompatibleException (fatal) the event's schema breaks the contract
     * @throws gov.gsb.sdk.BusUnavailableException (retriable) the bus did not answer
     */
    PublishReceipt publishAndWait(String service, String key, Object event);

    /**
     * Calls another agency's two-way service and waits, asynchronously, for its reply.
     *
     * @param service the provider's service, e.g. {@code Service.of("civil-registry", "address-change")}
     * @param request the request, an Avro record
     * @param replyType the reply's class (generated from the contract), or {@code GenericRecord.class}
     * @param timeout how long to wait for the reply
     * @param context who the call is made for and from where
     * @param <R> the reply's type
     * @return completes with the reply, with {@link gov.gsb.sdk.ServiceFailedException} if the provider
     *     answered with a failure, with {@link gov.gsb.sdk.ServiceTimeoutException} (retriable) if no
     *     reply came in time, or with another typed error
     */
    <R> CompletionStage<R> request(Service service, Object request, Class<R> replyType, Duration timeout,
                                   CallContext context);

    /**
     * Calls another agency's two-way service with no particular context.
     *
     * @param service the provider's service
     * @param request the request, an Avro record
     * @param replyType the reply's class
     * @param timeout how long to wait for the reply
     * @param <R> the reply's type
     * @return completes with the reply or a typed error (see the other overload)
     */
    default <R> CompletionStage<R> request(Service service, Object request, Class<R> replyType, Duration timeout) {
        return request(service, request, replyType, timeout, CallContext.none());
    }

    /**
     * @return the metrics of this publisher: its Kafka clients' and its own
     *     ({@code call-records-dropped-total}, {@code call-records-sent-total}, {@code call-records-pending})
     */
    Map<MetricName, ? extends Metric> metrics();

    /** Waits for what is in flight (and the CallRecords) for up to 30 s, then releases everything. */
    @Override
    void close();

    /**
     * @param timeout how long to wait for what is in flight
     */
    void close(Duration timeout);
}

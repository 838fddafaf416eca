package gov.gsb.producer;

import gov.gsb.sdk.CallContext;
import gov.gsb.sdk.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * A {@link Publisher} for an application's own unit tests: it keeps what was published, answers
 * requests with the replies the test sets up, and fails calls when told to. No bus needed.
 *
 * <pre>{@code
 * MockPublisher publisher = new MockPublisher("civil-registry");
 * publisher.replyTo(Service.of("tax", "tax-address"), request -> new TaxAddressReply(...));
 * new MovingService(publisher).move(citizen, address);
 * assertThat(publisher.published()).hasSize(1);
 * }</pre>
 */
public final class MockPublisher implements Publisher {

    /** One published event, as the application gave it. */
    public record Published(String service, String key, Object event, CallContext context) {
    }

    private final String agency;
    private final List<Published> published = new ArrayList<>();
    private final Map<Service, Function<Object, Object>> responders = new HashMap<>();
    private final AtomicLong offsets = new AtomicLong();
    private RuntimeException nextFailure;
    private boolean closed;

    /** @param agency the agency the application publishes for */
    public MockPublisher(String agency) {
        this.agency = agency;
    }

    /**
     * @param service a service the application calls
     * @param responder makes the reply for a request
     * @return this mock
     */
    public synchronized MockPublisher replyTo(Service service, Function<Object, Object> responder) {
        responders.put(service, responder);
        return this;
    }

    /** @param error the error the next publish or request fails with (once) @return this mock */
    public synchronized MockPublisher failNext(RuntimeException error) {
        this.nextFailure = error;
        return this;
    }

    /** @return what was published, in order */
    public synchronized List<Published> published() {
        return List.copyOf(published);
    }

    /** @return whether the application closed it */
    public synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized CompletionStage<PublishReceipt> publish(String service, String key, Object event, CallContext context) {
        RuntimeException failure = takeFailure();
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        published.add(new Published(service, key, event, context));
        String topic = Service.of(agency, service).topic();
        return CompletableFuture.completedFuture(new PublishReceipt("mock-" + offsets.get(), "mock-" + offsets.get(), topic, 0,
                offsets.getAndIncrement(), Instant.now()));
    }

    @Override
    public PublishReceipt publishAndWait(String service, String key, Object event) {
        return gov.gsb.producer.internal.RequestReply.join(publish(service, key, event).toCompletableFuture());
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <R> CompletionStage<R> request(Service service, Object request, Class<R> replyType, Duration timeout,
                                                       CallContext context) {
        RuntimeException failure = takeFailure();
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        Function<Object, Object> responder = responders.get(service);
        if (responder == null) {
            return CompletableFuture.failedFuture(new gov.gsb.sdk.ServiceTimeoutException("no reply set up for " + service
                    + " in this MockPublisher: call replyTo(service, responder)"));
        }
        return CompletableFuture.completedFuture((R) responder.apply(request));
    }

    private RuntimeException takeFailure() {
        RuntimeException f = nextFailure;
        nextFailure = null;
        return f;
    }

    @Override
    public Map<MetricName, ? extends Metric> metrics() {
        return Map.of();
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    @Override
    public void close(Duration timeout) {
        close();
    }
}

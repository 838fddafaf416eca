package gov.gsb.processors;

import gov.gsb.consumer.GsbSubscriber;
import gov.gsb.producer.GsbPublisher;
import gov.gsb.sample.civilregistry.AddressChangeReply;
import gov.gsb.sample.civilregistry.AddressChangeRequest;
import gov.gsb.sample.civilregistry.AddressChangeStatus;
import gov.gsb.sample.utilities.BillIssued;
import gov.gsb.schemas.Samples;
import gov.gsb.sdk.CallContext;
import gov.gsb.sdk.ServiceFailedException;
import gov.gsb.sdk.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls through the real SDKs, with a known mix of outcomes, among agencies no other test uses:
 * <ul>
 *   <li>{@code utilities-*} publishes {@code bill-issued}; {@code tax-*} and {@code window-*} subscribe; the
 *       window's handler fails every 5th delivery (no retries): PUBLISH, DELIVERY SUCCESS and FAILURE;</li>
 *   <li>{@code tax-*} requests {@code address-change} of {@code civil-*}, which refuses every 7th:
 *       REQUEST and REPLY, SUCCESS and FAILURE;</li>
 *   <li>{@code tax-*} requests {@code lost} of {@code civil-*}, which nobody serves: REQUEST TIMEOUT.</li>
 * </ul>
 */
final class Traffic implements AutoCloseable {

    private static final CallContext CONTEXT = CallContext.builder().endUser("a.citizen").clientIp("198.51.100.23")
            .device("GSB test").build();

    final String utilities = agency("utilities");
    final String tax = agency("tax");
    final String window = agency("window");
    final String civil = agency("civil");
    final Service bills = Service.of(utilities, "bill-issued");
    final Service change = Service.of(civil, "address-change");
    final Service lost = Service.of(civil, "lost");
    final AtomicInteger taxDeliveries = new AtomicInteger();
    final AtomicInteger windowDeliveries = new AtomicInteger();
    final AtomicInteger served = new AtomicInteger();

    private final GsbPublisher publisher;
    private final GsbPublisher requester;
    private final List<GsbSubscriber> subscribers = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread background;

    Traffic(StatsBus bus) {
        bus.createTopics(3, bills.topic(), bills.deadLetterTopic(tax), bills.deadLetterTopic(window),
                change.requestsTopic(), change.replyTopic(tax), change.deadLetterTopic(civil), lost.requestsTopic(),
                lost.replyTopic(tax));
        publisher = GsbPublisher.builder().bootstrapServers(bus.kafka.bootstrapServers()).agency(utilities)
                .registryUrl(bus.registry.ccompatUrl()).autoRegisterSchemas(true).build();
        requester = GsbPublisher.builder().bootstrapServers(bus.kafka.bootstrapServers()).agency(tax)
                .registryUrl(bus.registry.ccompatUrl()).autoRegisterSchemas(true).build();
        subscribers.add(subscriber(bus, tax).build().subscribe(bills, BillIssued.class, (b, m) -> taxDeliveries.incrementAndGet()));
        subscribers.add(subscriber(bus, window).build().subscribe(bills, BillIssued.class, (b, m) -> {
            if (windowDeliveries.incrementAndGet() % 5 == 0) {
                throw new IllegalStateException("window closed");
            }
        }));
        subscribers.add(subscriber(bus, civil).group("address-change").build().serve(change.name(), AddressChangeRequest.class,
                (q, m) -> {
                    if (served.incrementAndGet() % 7 == 0) {
                        throw new ServiceFailedException("INVALID_POSTAL_CODE", "no such postal code");
                    }
                    return AddressChangeReply.newBuilder().setRequestId(q.getRequestId())
                            .setStatus(AddressChangeStatus.ACCEPTED).build();
                }));
        subscribers.forEach(GsbSubscriber::start);
        subscribers.forEach(s -> s.awaitAssignment(Duration.ofSeconds(30)));
    }

    private static GsbSubscriber.Builder subscriber(StatsBus bus, String agency) {
        return GsbSubscriber.builder().bootstrapServers(bus.kafka.bootstrapServers()).agency(agency)
                .registryUrl(bus.registry.ccompatUrl()).autoRegisterSchemas(true).retries(0, Duration.ofMillis(1));
    }

    static String agency(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** @return the providers of this traffic (what the statistics are filtered by) */
    Set<String> providers() {
        return Set.of(utilities, civil);
    }

    /** Publishes {@code events}, sends {@code requests} and {@code timeouts} requests, and waits for all of them. */
    void run(int events, int requests, int timeouts) {
        List<CompletableFuture<?>> calls = new ArrayList<>();
        BillIssued bill = (BillIssued) Samples.of(BillIssued.class).orElseThrow();
        for (int i = 0; i < events; i++) {
            calls.add(publisher.publish(bills.name(), "customer-" + i, bill, CONTEXT).toCompletableFuture());
        }
        AddressChangeRequest request = (AddressChangeRequest) Samples.of(AddressChangeRequest.class).orElseThrow();
        for (int i = 0; i < requests; i++) {
            calls.add(requester.request(change, request, AddressChangeReply.class, Duration.ofSeconds(30), CONTEXT)
                    .toCompletableFuture().exceptionally(e -> null));
        }
        for (int i = 0; i < timeouts; i++) {
            calls.add(requester.request(lost, request, AddressChangeReply.class, Duration.ofSeconds(1), CONTEXT)
                    .toCompletableFuture().exceptionally(e -> null));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
    }

    /** Keeps calling in the background, about {@code perSecond} events and a tenth as many requests, until {@link #stop}. */
    void start(int perSecond) {
        running.set(true);
        background = new Thread(() -> {
            while (running.get()) {
                long started = System.nanoTime();
                run(perSecond / 10, Math.max(1, perSecond / 100), 0);
                long rest = 100 - (System.nanoTime() - started) / 1_000_000;
                if (rest > 0) {
                    sleep(rest);
                }
            }
        }, "test-traffic");
        background.start();
    }

    void stop() throws InterruptedException {
        running.set(false);
        background.join();
    }

    /** Waits until every subscriber handled every event published so far. */
    void awaitDeliveries(int events) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while ((taxDeliveries.get() < events || windowDeliveries.get() < events) && System.nanoTime() < deadline) {
            sleep(50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the clients, which sends the CallRecords they still hold. */
    @Override
    public void close() {
        subscribers.forEach(GsbSubscriber::close);
        publisher.close();
        requester.close();
    }
}

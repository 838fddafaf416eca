package gov.gsb.demo;

import gov.gsb.bus.CompositeReply;
import gov.gsb.composites.CompositeFailure;
import gov.gsb.demo.Traffic.Planned;
import gov.gsb.producer.Publisher;
import gov.gsb.sample.civilregistry.AddressChangeReply;
import gov.gsb.sample.utilities.PaymentReply;
import gov.gsb.sdk.GsbError;
import gov.gsb.sdk.Service;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single window, the portal where citizens act: plays {@link Traffic}'s calls at a steady
 * rate through its publisher (address changes and bill payments as requests, poll votes and
 * messages as events; on a stream of its own, moves house through the composite) and counts each call's result as
 * the citizen saw it.
 */
final class SingleWindow implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SingleWindow.class);
    private static final String AGENCY = DemoServices.SINGLE_WINDOW;

    private final Publisher publisher;
    private final Supplier<Planned> traffic;
    private final double rate;
    private final Duration requestTimeout;
    private final Stats stats;
    private final Phaser inFlight = new Phaser(1); // the calls not completed yet, plus this window itself
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "single-window-traffic");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param publisher the single window's publisher
     * @param traffic what citizens do ({@link Traffic#next}, or {@link Moves#next})
     * @param rate calls per second
     * @param requestTimeout how long a citizen waits for a reply
     * @param stats counts the results
     */
    SingleWindow(Publisher publisher, Supplier<Planned> traffic, double rate, Duration requestTimeout, Stats stats) {
        this.publisher = publisher;
        this.traffic = traffic;
        this.rate = rate;
        this.requestTimeout = requestTimeout;
        this.stats = stats;
    }

    /** Starts the calls, {@code rate} per second. */
    void start() {
        long periodNanos = Math.max(1, Math.round(1e9 / rate));
        scheduler.scheduleAtFixedRate(this::tick, 0, periodNanos, TimeUnit.NANOSECONDS);
    }

    private void tick() {
        inFlight.register();
        try {
            call(traffic.get()).whenComplete((ignored, error) -> inFlight.arriveAndDeregister());
        } catch (RuntimeException e) { // an exception would end the schedule: the citizens go on
            inFlight.arriveAndDeregister();
            LOG.error("a call could not be made: {}", e.toString());
        }
    }

    /** Makes one planned call; its result is counted when it completes. */
    CompletionStage<?> call(Planned p) {
        return switch (p.kind()) {
            case ADDRESS_CHANGE -> publisher.request(DemoServices.ADDRESS_CHANGE, p.payload(), AddressChangeReply.class,
                            requestTimeout, p.context())
                    .whenComplete((reply, error) -> done(p, DemoServices.ADDRESS_CHANGE,
                            error == null ? "SUCCESS" : code(error), error));
            case PAYMENT -> publisher.request(DemoServices.PAYMENT, p.payload(), PaymentReply.class, requestTimeout,
                            p.context())
                    .whenComplete((reply, error) -> done(p, DemoServices.PAYMENT,
                            error == null ? reply.getStatus().name() : code(error), error));
            case MOVE_HOUSE -> publisher.request(DemoServices.MOVE_HOUSE, p.payload(), CompositeReply.class,
                            requestTimeout, p.context())
                    .whenComplete((reply, error) -> done(p, DemoServices.MOVE_HOUSE,
                            error == null ? "SUCCESS" : moveCode(error), error));
            case POLL_VOTE -> publish(p, DemoServices.POLL_VOTE_CAST);
            case CITIZEN_MESSAGE -> publish(p, DemoServices.CITIZEN_MESSAGE);
        };
    }

    private CompletionStage<?> publish(Planned p, Service service) {
        return publisher.publish(service.name(), p.key(), p.payload(), p.context())
                .whenComplete((receipt, error) -> done(p, service, error == null ? "SUCCESS" : code(error), error));
    }

    private void done(Planned p, Service service, String result, Throwable error) {
        stats.count(AGENCY, service.name() + "." + result);
        if (error == null) {
            LOG.debug("{} of {} in case {}: {}", service, p.context().endUser(), p.context().correlationId(), result);
        } else {
            LOG.info("{} of {} in case {}: {} ({})", service, p.context().endUser(), p.context().correlationId(), result,
                    cause(error).getMessage());
        }
    }

    private static Throwable cause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** @return the SDK's code for a failed call, e.g. {@code TIMEOUT} or the provider's {@code INVALID_POSTAL_CODE} */
    static String code(Throwable error) {
        Throwable e = cause(error);
        return e instanceof GsbError g ? g.errorCode() : e.getClass().getSimpleName();
    }

    /** A failed move's code with the step that failed, e.g. {@code STEP_FAILED.update-tax-address}. */
    static String moveCode(Throwable error) {
        String code = code(error);
        return CompositeFailure.parse(code, cause(error).getMessage()).map(f -> code + "." + f.failedStep()).orElse(code);
    }

    /**
     * Stops making calls and waits for those in flight to complete or time out, so that closing
     * the publisher next does not cut them short (they would count as failures on the bus).
     */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
            inFlight.awaitAdvanceInterruptibly(inFlight.arrive(), requestTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            LOG.warn("{} calls still in flight at close", inFlight.getUnarrivedParties());
        }
    }
}

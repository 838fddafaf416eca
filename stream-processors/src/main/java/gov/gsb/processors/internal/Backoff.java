package gov.gsb.processors.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/**
 * Waits between attempts at something that is away (ClickHouse, the registry): 100 ms, doubling up to 5 s, with
 * jitter so that many tasks do not retry in step. Gives up only when the application stops.
 */
public final class Backoff {

    /** The waiting, replaceable in tests. */
    @FunctionalInterface
    public interface Sleeper {
        /** @param duration how long @throws InterruptedException if interrupted */
        void sleep(Duration duration) throws InterruptedException;
    }

    static final Duration FIRST = Duration.ofMillis(100);
    static final Duration LONGEST = Duration.ofSeconds(5);

    private final BooleanSupplier stopping;
    private final Sleeper sleeper;

    /**
     * @param stopping true once the application is shutting down: the retries then end
     * @param sleeper how to wait
     */
    public Backoff(BooleanSupplier stopping, Sleeper sleeper) {
        this.stopping = stopping;
        this.sleeper = sleeper;
    }

    /** @param stopping true once the application is shutting down @return a backoff that really sleeps */
    public static Backoff until(BooleanSupplier stopping) {
        return new Backoff(stopping, d -> Thread.sleep(d.toMillis()));
    }

    /** @return whether the application is stopping, so that retrying should end */
    public boolean stopping() {
        return stopping.getAsBoolean();
    }

    /**
     * @param attempt the attempt that just failed, from 1
     * @throws InterruptedException if interrupted while waiting
     */
    public void pause(int attempt) throws InterruptedException {
        long base = Math.min(LONGEST.toMillis(), FIRST.toMillis() << Math.min(attempt - 1, 16));
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        sleeper.sleep(Duration.ofMillis(jittered));
    }
}

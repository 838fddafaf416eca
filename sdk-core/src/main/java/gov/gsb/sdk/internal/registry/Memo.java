package gov.gsb.sdk.internal.registry;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.common.errors.InterruptException;

/**
 * Remembers the answer of a slow call per key. Each key is filled once, by the first thread that asks: the others
 * asking for that key wait for it, while every other key goes on (no lock is held while loading). A failure is
 * remembered for a short time, so that a missing schema or a dead registry costs one call per key every few seconds,
 * not one per record; then the next caller tries again.
 *
 * @param <K> the key
 * @param <V> the answer
 */
final class Memo<K, V> {

    // Failed slots are only dropped when asked for again; past this size a new failure sweeps the expired ones, so
    // a stream of bad keys (random schema ids) cannot fill memory.
    private static final int SWEEP_ABOVE = 1024;

    private final ConcurrentHashMap<K, Slot<V>> slots = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long failureMillis;

    Memo(Clock clock, Duration rememberFailures) {
        this.clock = clock;
        this.failureMillis = rememberFailures.toMillis();
    }

    /**
     * @return the remembered answer for the key, else the loader's, which is then remembered
     * @throws RuntimeException the loader's failure, also when remembered from an earlier call
     */
    V get(K key, Function<? super K, ? extends V> loader) {
        while (true) {
            Slot<V> slot = slots.get(key);
            if (slot == null) {
                Slot<V> mine = new Slot<>();
                slot = slots.putIfAbsent(key, mine);
                if (slot == null) {
                    return fill(key, mine, loader);
                }
            }
            V value = slot.await();
            if (value != null) {
                return value;
            }
            if (slot.remembered && clock.millis() - slot.failedAt < failureMillis) {
                throw slot.failure;
            }
            slots.remove(key, slot); // expired, or not to be shared: the next round loads again
        }
    }

    /** @return the answer if one is remembered, without loading */
    V peek(K key) {
        Slot<V> slot = slots.get(key);
        return slot == null || !slot.future.isDone() ? null : slot.await();
    }

    /** Remembers an answer learnt another way (an id learnt by registering serves later lookups). */
    void put(K key, V value) {
        Slot<V> slot = new Slot<>();
        slot.future.complete(value);
        slots.put(key, slot);
    }

    int size() {
        return slots.size();
    }

    private V fill(K key, Slot<V> slot, Function<? super K, ? extends V> loader) {
        try {
            V value = Objects.requireNonNull(loader.apply(key), "a memo's loader answered null");
            slot.future.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            // An interrupt belongs to the thread that was interrupted, not to the key: never share it.
            slot.remembered = e instanceof RuntimeException && !(e instanceof InterruptException);
            slot.failure = e instanceof RuntimeException re ? re : null;
            slot.failedAt = clock.millis();
            slot.future.complete(null); // publishes the fields above to the threads that wait
            if (!slot.remembered) {
                slots.remove(key, slot);
            } else if (slots.size() > SWEEP_ABOVE) {
                sweep();
            }
            throw e;
        }
    }

    private void sweep() {
        long now = clock.millis();
        slots.entrySet().removeIf(e -> e.getValue().future.isDone() && e.getValue().failure != null
                && now - e.getValue().failedAt >= failureMillis);
    }

    /** A key's answer: pending, a value, or a failure with the time it happened. */
    private static final class Slot<V> {
        final CompletableFuture<V> future = new CompletableFuture<>();
        // Written before the future completes and read after it has: the future orders them.
        RuntimeException failure;
        long failedAt;
        boolean remembered;

        V await() {
            try {
                return future.join();
            } catch (CompletionException e) {
                throw new IllegalStateException("a memo slot never completes exceptionally", e);
            }
        }
    }
}

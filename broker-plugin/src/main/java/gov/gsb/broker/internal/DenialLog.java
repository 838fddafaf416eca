package gov.gsb.broker.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which denials get a log line: at most one per interval for each distinct (principal,
 * resource, operation), so that a client retrying in a loop writes one line a minute instead of
 * thousands, and the next line says how many were left out. The clock is injected for tests.
 *
 * <p>Memory is bounded: when more than {@code maxKeys} keys are remembered, those whose interval
 * has passed are dropped, and if that is not enough, all of them (a few repeated lines at worst).
 */
public final class DenialLog {

    /** Where a denial that should be logged goes; the production sink writes one SLF4J line. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param denial the denial to log
         * @param suppressed how many equal denials were not logged since the last line for this key
         */
        void log(Denial denial, long suppressed);
    }

    /**
     * One denial. Equal keys (principal, resource, operation) share one interval.
     *
     * @param principal the caller's user principal, {@code User:<name>}
     * @param groups the caller's groups, as text, for the log line only
     * @param roles the caller's roles, as text, for the log line only
     * @param resource the resource, {@code TOPIC:gsb.tax.returns}
     * @param operation the operation, {@code WRITE}
     * @param host the client's address, for the log line only
     */
    public record Denial(String principal, String groups, String roles, String resource, String operation, String host) {
        Key key() {
            return new Key(principal, resource, operation);
        }
    }

    private record Key(String principal, String resource, String operation) {
    }

    private static final class Seen {
        final long loggedAtMillis;
        long suppressed;

        Seen(long loggedAtMillis) {
            this.loggedAtMillis = loggedAtMillis;
        }
    }

    private final Clock clock;
    private final long intervalMillis;
    private final int maxKeys;
    private final Sink sink;
    private final Map<Key, Seen> seen = new ConcurrentHashMap<>();

    /**
     * @param interval at most one line per key per interval; zero logs every denial
     * @param maxKeys how many keys to remember before dropping old ones
     */
    public DenialLog(Clock clock, Duration interval, int maxKeys, Sink sink) {
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
        this.maxKeys = maxKeys;
        this.sink = sink;
    }

    /** Records a denial and sends it to the sink unless its key was logged less than an interval ago. */
    public void denied(Denial denial) {
        if (intervalMillis <= 0) {
            sink.log(denial, 0);
            return;
        }
        long now = clock.millis();
        long[] suppressed = {-1};
        seen.compute(denial.key(), (key, last) -> {
            if (last != null && now - last.loggedAtMillis < intervalMillis) {
                last.suppressed++;
                return last;
            }
            suppressed[0] = last == null ? 0 : last.suppressed;
            return new Seen(now);
        });
        if (suppressed[0] >= 0) {
            sink.log(denial, suppressed[0]);
            if (seen.size() > maxKeys) {
                forgetOld(now);
            }
        }
    }

    private void forgetOld(long now) {
        seen.values().removeIf(s -> now - s.loggedAtMillis >= intervalMillis);
        if (seen.size() > maxKeys) {
            seen.clear();
        }
    }
}

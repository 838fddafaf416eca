package gov.gsb.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How long a grant (or a revocation) takes to decide requests: from the Admin call returning to
 * the first produce with the new outcome. Written to {@code target/grant-latency.txt} and stdout.
 */
final class GrantLatency {

    static final int TRIALS = 20;
    private static final long GIVE_UP_MICROS = 10_000_000L;

    /** One attempt to produce: true if it went through, false if it was refused. */
    @FunctionalInterface
    interface Attempt {
        boolean produced() throws Exception;
    }

    /** How long until the wanted outcome, and how many attempts it took (1: the very next request). */
    record Outcome(long micros, int attempts) {
    }

    private final List<Long> grants = new ArrayList<>();
    private final List<Long> revokes = new ArrayList<>();
    private int grantsAtOnce;
    private int revokesAtOnce;

    /** Retries an attempt at once until it has the wanted outcome; gives up after 10 s. */
    static Outcome untilOutcome(Attempt attempt, boolean wanted) throws Exception {
        long start = System.nanoTime();
        for (int attempts = 1; ; attempts++) {
            boolean produced = attempt.produced();
            long micros = (System.nanoTime() - start) / 1_000;
            if (produced == wanted) {
                return new Outcome(micros, attempts);
            }
            if (micros > GIVE_UP_MICROS) {
                throw new AssertionError("still " + (produced ? "allowed" : "refused") + " after " + micros / 1000 + " ms");
            }
        }
    }

    void granted(Outcome outcome) {
        grants.add(outcome.micros());
        grantsAtOnce += outcome.attempts() == 1 ? 1 : 0;
    }

    void revoked(Outcome outcome) {
        revokes.add(outcome.micros());
        revokesAtOnce += outcome.attempts() == 1 ? 1 : 0;
    }

    long grantP95Micros() {
        return percentile(grants, 95);
    }

    long revokeP95Micros() {
        return percentile(revokes, 95);
    }

    /** Nearest-rank percentile. */
    static long percentile(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static double ms(List<Long> micros, int p) {
        return percentile(micros, p) / 1000.0;
    }

    void report() throws IOException {
        String text = String.format("grant -> first produce allowed, %d trials: p50 %.1f ms, p95 %.1f ms, max %.1f ms;"
                        + " the very next produce was allowed in %d of them%n"
                        + "revoke -> first produce refused, %d trials: p50 %.1f ms, p95 %.1f ms, max %.1f ms;"
                        + " the very next produce was refused in %d of them%n",
                grants.size(), ms(grants, 50), ms(grants, 95), ms(grants, 100), grantsAtOnce,
                revokes.size(), ms(revokes, 50), ms(revokes, 95), ms(revokes, 100), revokesAtOnce);
        System.out.print(text);
        Files.writeString(Path.of("target", "grant-latency.txt"), text);
    }
}

package gov.gsb.admin;

import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.producer.GsbPublisher;
import gov.gsb.sample.civilregistry.AddressChanged;
import gov.gsb.schemas.Samples;
import gov.gsb.sdk.NotAuthorizedException;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * How soon a grant made through the REST API decides an agency's requests: from the grant's HTTP response to the
 * agency's first produce that succeeds (retrying every 2 ms), over 20 trials; and the same for revocations. The
 * figures go to {@code target/grant-latency.txt}.
 */
@QuarkusTest
@WithTestResource(GsbServers.class)
class GrantLatencyTest {

    private static final int TRIALS = 20;
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final AddressChanged EVENT = Samples.addressChanged();

    /** How long until the wanted outcome, and after how many attempts. */
    private record Took(long micros, int attempts) {
    }

    @Test
    void shouldMakeAGrantEffectiveWithinASecond() throws Exception {
        String name = Bus.unique("latency");
        String id = Bus.registerEvent("tax", name);
        List<Took> grants = new ArrayList<>();
        List<Took> revokes = new ArrayList<>();
        List<Long> calls = new ArrayList<>();
        try (GsbPublisher tax = Bus.publisher("tax")) {
            assertThat(published(tax, name)).isFalse();
            for (int trial = 0; trial < TRIALS; trial++) {
                long sent = System.nanoTime();
                String grant = Bus.grant(id, "PUBLISH", "GROUP", "agencies/tax", "ALLOW");
                calls.add((System.nanoTime() - sent) / 1_000);
                grants.add(until(() -> published(tax, name), true));
                Bus.revoke(grant);
                revokes.add(until(() -> published(tax, name), false));
            }
        }
        String report = line("grant -> first produce allowed", grants) + line("revoke -> first produce refused", revokes)
                + String.format("POST /api/grants (answers once the ACLs are on the broker): p50 %.1f ms, p95 %.1f ms%n",
                        percentile(calls, 50) / 1000.0, percentile(calls, 95) / 1000.0);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "grant-latency.txt"), report);
        System.out.print(report);

        assertThat(percentile(micros(grants), 95)).isLessThan(1_000_000L);
        assertThat(percentile(micros(revokes), 95)).isLessThan(1_000_000L);
    }

    /** Publishes one event: true if the bus took it, false if it refused the agency. */
    private static boolean published(GsbPublisher publisher, String service) {
        try {
            publisher.publish(service, "k", EVENT).toCompletableFuture().get(10, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NotAuthorizedException) {
                return false;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tries every 2 ms from now (just after an HTTP answer) until the attempt has the wanted outcome. */
    private static Took until(BooleanSupplier attempt, boolean wanted) throws InterruptedException {
        long start = System.nanoTime();
        for (int attempts = 1; ; attempts++) {
            boolean outcome = attempt.getAsBoolean();
            long elapsed = System.nanoTime() - start;
            if (outcome == wanted) {
                return new Took(elapsed / 1_000, attempts);
            }
            if (elapsed > GIVE_UP_NANOS) {
                throw new AssertionError("still " + (outcome ? "allowed" : "refused") + " after " + elapsed / 1_000_000 + " ms");
            }
            Thread.sleep(2);
        }
    }

    private static String line(String what, List<Took> took) {
        List<Long> micros = micros(took);
        long atOnce = took.stream().filter(t -> t.attempts() == 1).count();
        return String.format("%s (from the HTTP answer), %d trials: p50 %.1f ms, p95 %.1f ms, max %.1f ms; "
                        + "the very next produce had the new outcome in %d of them%n", what, took.size(),
                percentile(micros, 50) / 1000.0, percentile(micros, 95) / 1000.0, percentile(micros, 100) / 1000.0, atOnce);
    }

    private static List<Long> micros(List<Took> took) {
        return took.stream().map(Took::micros).toList();
    }

    /** Nearest-rank percentile. */
    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}

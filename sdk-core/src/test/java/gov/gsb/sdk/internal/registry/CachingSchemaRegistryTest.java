package gov.gsb.sdk.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.gsb.bus.CallRecord;
import gov.gsb.sdk.BusUnavailableException;
import gov.gsb.sdk.CountingRegistry;
import gov.gsb.sdk.MutableClock;
import gov.gsb.sdk.SchemaNotRegisteredException;
import gov.gsb.sdk.SchemaRegistry;
import gov.gsb.sample.civilregistry.AddressChanged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.InterruptException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CachingSchemaRegistryTest {

    private static final Schema CALLS = CallRecord.getClassSchema();
    private static final Schema MOVES = AddressChanged.getClassSchema();

    private final MutableClock clock = new MutableClock();
    private final CountingRegistry counting = CountingRegistry.inMemory();
    private final CachingSchemaRegistry cache = new CachingSchemaRegistry(counting, clock, Duration.ofSeconds(5));
    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void shouldAskOncePerSubjectAndSchema() {
        for (int i = 0; i < 1_000; i++) {
            cache.register("gsb.calls-value", CALLS);
            cache.register("gsb.moves-value", MOVES);
        }

        assertThat(counting.registers).hasValue(2);
    }

    @Test
    void shouldFindAnEqualSchemaObjectInTheCache() {
        cache.register("gsb.calls-value", CALLS);

        int id = cache.idOf("gsb.calls-value", new Schema.Parser().parse(CALLS.toString()));

        assertThat(id).isEqualTo(cache.register("gsb.calls-value", CALLS));
        assertThat(counting.calls()).isEqualTo(1);
    }

    @Test
    void shouldCacheSchemasById() {
        int id = cache.register("gsb.calls-value", CALLS);

        for (int i = 0; i < 100; i++) {
            assertThat(cache.schemaById(id).getFullName()).isEqualTo("gov.gsb.bus.CallRecord");
        }
        assertThat(counting.byIds).hasValue(1);
    }

    @Test
    void shouldNotCacheTheLatestVersion() {
        cache.register("gsb.calls-value", CALLS);

        cache.latest("gsb.calls-value");
        cache.latest("gsb.calls-value");

        assertThat(counting.latests).hasValue(2);
    }

    @Test
    void shouldRememberAFailedLookupUntilItExpires() {
        assertThatThrownBy(() -> cache.idOf("gsb.calls-value", CALLS)).isInstanceOf(SchemaNotRegisteredException.class);
        counting.register("gsb.calls-value", CALLS); // registered by someone else meanwhile

        clock.advance(Duration.ofSeconds(4));
        assertThatThrownBy(() -> cache.idOf("gsb.calls-value", CALLS)).isInstanceOf(SchemaNotRegisteredException.class);
        assertThat(counting.lookups).as("remembered, not asked again").hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.idOf("gsb.calls-value", CALLS)).isPositive();
        assertThat(counting.lookups).hasValue(2);
    }

    @Test
    void shouldServeLookupsFromARegistrationEvenAfterAFailedLookup() {
        assertThatThrownBy(() -> cache.idOf("gsb.calls-value", CALLS)).isInstanceOf(SchemaNotRegisteredException.class);

        int id = cache.register("gsb.calls-value", CALLS);

        assertThat(cache.idOf("gsb.calls-value", CALLS)).isEqualTo(id);
        assertThat(counting.lookups).hasValue(1);
    }

    @Test
    void shouldAskEveryTimeWhenFailuresAreNotRemembered() {
        CachingSchemaRegistry forgetful = new CachingSchemaRegistry(counting, clock, Duration.ZERO);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> forgetful.idOf("gsb.calls-value", CALLS));
        }

        assertThat(counting.lookups).hasValue(3);
    }

    @Test
    void shouldNotRememberAnInterrupt() {
        AtomicInteger calls = new AtomicInteger();
        CachingSchemaRegistry interrupted = new CachingSchemaRegistry(new Failing(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new InterruptException("interrupted");
            }
            return 5;
        }), clock, Duration.ofSeconds(5));

        assertThatThrownBy(() -> interrupted.idOf("s", CALLS)).isInstanceOf(InterruptException.class);
        Thread.interrupted(); // clear the flag the exception set

        assertThat(interrupted.idOf("s", CALLS)).isEqualTo(5);
    }

    @Test
    void shouldLoadAKeyOnceWhenManyThreadsAskAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        CachingSchemaRegistry slow = new CachingSchemaRegistry(new Failing(() -> {
            calls.incrementAndGet();
            await(release);
            return 11;
        }), clock, Duration.ofSeconds(5));

        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(threads.submit(() -> slow.register("s", CALLS)));
        }
        Thread.sleep(200);
        release.countDown();

        for (Future<Integer> answer : answers) {
            assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(11);
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void shouldNotHoldUpOtherKeysWhileOneLoads() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CachingSchemaRegistry slowForCalls = new CachingSchemaRegistry(new Failing(() -> 1) {
            @Override
            public int register(String subject, Schema schema) {
                if (subject.equals("slow")) {
                    await(release);
                }
                return 2;
            }
        }, clock, Duration.ofSeconds(5));

        Future<Integer> slow = threads.submit(() -> slowForCalls.register("slow", CALLS));
        Future<Integer> fast = threads.submit(() -> slowForCalls.register("fast", CALLS));

        assertThat(fast.get(2, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(slow).isNotDone();
        release.countDown();
        assertThat(slow.get(2, TimeUnit.SECONDS)).isEqualTo(2);
    }

    @Test
    void shouldShareARememberedUnavailabilityAndRecover() {
        AtomicInteger calls = new AtomicInteger();
        CachingSchemaRegistry flaky = new CachingSchemaRegistry(new Failing(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new BusUnavailableException("registry down", null);
            }
            return 3;
        }), clock, Duration.ofSeconds(5));

        assertThatThrownBy(() -> flaky.schemaById(3)).isInstanceOf(BusUnavailableException.class);
        assertThatThrownBy(() -> flaky.schemaById(3)).isInstanceOf(BusUnavailableException.class);
        clock.advance(Duration.ofSeconds(6));

        assertThat(flaky.schemaById(3)).isNotNull();
        assertThat(calls).hasValue(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A registry whose every call runs the given step. */
    private static class Failing implements SchemaRegistry {
        interface Step {
            int run();
        }

        private final Step step;

        Failing(Step step) {
            this.step = step;
        }

        @Override
        public int register(String subject, Schema schema) {
            return step.run();
        }

        @Override
        public int idOf(String subject, Schema schema) {
            return step.run();
        }

        @Override
        public Schema schemaById(int id) {
            step.run();
            return CALLS;
        }

        @Override
        public Optional<Schema> latest(String subject) {
            return Optional.empty();
        }
    }
}

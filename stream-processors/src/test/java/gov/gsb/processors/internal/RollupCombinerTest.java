package gov.gsb.processors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.internals.CachedStateStore;
import org.junit.jupiter.api.Test;

class RollupCombinerTest {

    private static final RollupKey OK = new RollupKey("tax", "civil", "tax.refund", "refund", "REQUEST", "SUCCESS");
    private static final RollupKey FAILED = new RollupKey("tax", "civil", "tax.refund", "refund", "REQUEST", "FAILURE");

    private final RollupCombiner.Partials partials = new RollupCombiner.Partials(RollupCombiner.STORE);
    private final List<Map<RollupCombiner.Partials.Key, RollupCombiner.Partials.Partial>> flushed = new ArrayList<>();

    @Test
    void shouldBeTheKindOfStoreKafkaStreamsFlushesBeforeItCommits() {
        assertThat(partials).isInstanceOf(CachedStateStore.class);
        assertThat(partials.persistent()).isFalse();
    }

    @Test
    void shouldCombineTheCallsOfAMinuteAndKeyUntilTheCommit() {
        partials.onFlush(flushed::add);
        partials.add(60_000, OK, 10, 60_100);
        partials.add(60_000, OK, 30, 60_900);
        partials.add(60_000, FAILED, RollupAggregate.UNKNOWN_LATENCY, 60_500);
        partials.add(120_000, OK, 5, 120_001);
        assertThat(flushed).isEmpty();

        partials.flushCache();

        assertThat(flushed).singleElement().satisfies(all -> {
            assertThat(all).hasSize(3);
            RollupCombiner.Partials.Partial ok = all.get(new RollupCombiner.Partials.Key(60_000, OK));
            assertThat(ok.aggregate.calls()).isEqualTo(2);
            assertThat(ok.aggregate.latencySum()).isEqualTo(40);
            assertThat(ok.latest).as("the partial's time: its latest call, inside its minute").isEqualTo(60_900);
            assertThat(all.get(new RollupCombiner.Partials.Key(60_000, FAILED)).aggregate.failures()).isEqualTo(1);
        });
        assertThat(partials.size()).isZero();
    }

    @Test
    void shouldForwardNothingWhenNothingCameIn() {
        partials.onFlush(flushed::add);

        partials.flushCache();

        assertThat(flushed).isEmpty();
    }

    @Test
    void shouldForgetThePartialsOfATaskClosedWithoutCommit() {
        partials.onFlush(flushed::add);
        partials.add(0, OK, 1, 1);

        partials.close();
        partials.flushCache();

        assertThat(flushed).isEmpty();
    }

    @Test
    void shouldMergePartialsIntoWhatCountingCallsOneByOneGives() {
        RollupAggregate oneByOne = new RollupAggregate();
        RollupAggregate first = new RollupAggregate();
        RollupAggregate second = new RollupAggregate();
        for (long latency = 0; latency < 1_000; latency += 3) {
            oneByOne.add(OK, latency);
            (latency % 2 == 0 ? first : second).add(OK, latency);
        }

        RollupAggregate merged = new RollupAggregate().merge(first).merge(second);

        assertThat(merged.calls()).isEqualTo(oneByOne.calls());
        assertThat(merged.latencySum()).isEqualTo(oneByOne.latencySum());
        assertThat(merged.latencyMax()).isEqualTo(oneByOne.latencyMax());
        for (double q : new double[] {0.5, 0.95, 0.99}) {
            assertThat(merged.quantile(q)).isEqualTo(oneByOne.quantile(q));
        }
    }
}

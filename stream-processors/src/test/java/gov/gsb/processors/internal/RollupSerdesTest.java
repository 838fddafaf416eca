package gov.gsb.processors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RollupSerdesTest {

    private static final RollupKey KEY = new RollupKey("civil-registry", "", "civil-registry.address-change",
            "change-address ünïcode", "REQUEST", "TIMEOUT");

    @Test
    void shouldReadBackAKey() {
        byte[] bytes = RollupKey.serde().serializer().serialize("t", KEY);

        assertThat(RollupKey.serde().deserializer().deserialize("t", bytes)).isEqualTo(KEY);
    }

    @Test
    void shouldWriteEqualKeysAsEqualBytes() {
        RollupKey copy = new RollupKey(new String(KEY.provider()), "", KEY.service(), KEY.method(), "REQUEST", "TIMEOUT");

        assertThat(RollupKey.serde().serializer().serialize("t", copy))
                .isEqualTo(RollupKey.serde().serializer().serialize("other", KEY));
    }

    @Test
    void shouldReadBackAnAggregateWithItsQuantiles() {
        RollupAggregate a = new RollupAggregate();
        for (long latency = 1; latency <= 1_000; latency++) {
            a.add(KEY, latency % 10 == 0 ? RollupAggregate.UNKNOWN_LATENCY : latency);
        }

        RollupAggregate read = RollupAggregate.serde().deserializer().deserialize("t",
                RollupAggregate.serde().serializer().serialize("t", a));

        assertThat(read.calls()).isEqualTo(1_000);
        assertThat(read.failures()).isEqualTo(1_000);
        assertThat(read.latencyCount()).isEqualTo(900);
        assertThat(read.latencySum()).isEqualTo(a.latencySum());
        assertThat(read.latencyMax()).isEqualTo(999);
        assertThat(read.quantile(0.5)).isEqualTo(a.quantile(0.5));
        assertThat(read.quantile(0.99)).isEqualTo(a.quantile(0.99)).isLessThanOrEqualTo(999);
    }

    @Test
    void shouldCountOnlyOutcomesOtherThanSuccessAsFailures() {
        RollupAggregate a = new RollupAggregate().add(new RollupKey("p", "c", "p.s", "m", "REPLY", "SUCCESS"), 5);

        assertThat(a.failures()).isZero();
        assertThat(KEY.failed()).isTrue();
    }

    @Test
    void shouldReadNullAsNull() {
        assertThat(RollupKey.serde().serializer().serialize("t", null)).isNull();
        assertThat(RollupAggregate.serde().deserializer().deserialize("t", null)).isNull();
    }
}

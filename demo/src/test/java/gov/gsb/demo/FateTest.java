package gov.gsb.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FateTest {

    @Test
    void shouldDrawTheSameForTheSameSeedAndKey() {
        assertThat(new Fate(42).of("tax/123")).isEqualTo(new Fate(42).of("tax/123"));
        assertThat(new Fate(42).of("tax/123")).isNotEqualTo(new Fate(43).of("tax/123"));
        assertThat(new Fate(42).of("tax/123")).isNotEqualTo(new Fate(42).of("tax/124"));
    }

    @Test
    void shouldDrawUniformlyOverKeys() {
        Fate fate = new Fate(42);
        int n = 100_000;
        int below2 = 0;
        int belowHalf = 0;
        for (int i = 0; i < n; i++) {
            double d = fate.of("key-" + i);
            assertThat(d).isGreaterThanOrEqualTo(0).isLessThan(1);
            below2 += d < 0.02 ? 1 : 0;
            belowHalf += d < 0.5 ? 1 : 0;
        }
        assertThat(below2 / (double) n).isCloseTo(0.02, within(0.002));
        assertThat(belowHalf / (double) n).isCloseTo(0.5, within(0.01));
    }

    @Test
    void shouldGiveEachPurposeItsOwnStreamSeed() {
        Fate fate = new Fate(42);
        assertThat(fate.seedFor("citizens")).isNotEqualTo(fate.seedFor("traffic")).isEqualTo(new Fate(42).seedFor("citizens"));
    }
}

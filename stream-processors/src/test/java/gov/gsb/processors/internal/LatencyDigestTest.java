package gov.gsb.processors.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyDigestTest {

    private static final double[] QUANTILES = {0.5, 0.9, 0.95, 0.99, 0.999, 1.0};

    @Test
    void shouldBeExactBelow128Milliseconds() {
        LatencyDigest d = new LatencyDigest();
        for (int v = 1; v <= 100; v++) {
            d.add(v);
        }
        assertThat(d.quantile(0.5)).isEqualTo(50);
        assertThat(d.quantile(0.95)).isEqualTo(95);
        assertThat(d.quantile(0.99)).isEqualTo(99);
        assertThat(d.quantile(0.0)).isEqualTo(1);
        assertThat(d.count()).isEqualTo(100);
    }

    @Test
    void shouldStayWithinOnePartIn128OfTheExactQuantile() {
        Random random = new Random(42);
        long[] values = new long[20_000];
        LatencyDigest d = new LatencyDigest();
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) Math.exp(3 + 2.5 * random.nextGaussian()); // log-normal: ms to minutes
            d.add(values[i]);
        }
        Arrays.sort(values);
        for (double q : QUANTILES) {
            long exact = values[(int) Math.max(0, Math.ceil(q * values.length) - 1)];
            assertThat(d.quantile(q)).as("p%s", q * 100).isCloseTo(exact, within(exact / 128.0 + 0.5));
        }
    }

    @Test
    void shouldAgreeWithHdrHistogramAtTwoSignificantDigits() {
        Random random = new Random(7);
        LatencyDigest d = new LatencyDigest();
        Histogram h = new Histogram(3_600_000L, 2);
        for (int i = 0; i < 10_000; i++) {
            long v = 5 + (long) Math.abs(400 * random.nextGaussian());
            d.add(v);
            h.recordValue(v);
        }
        for (double q : QUANTILES) {
            double hdr = h.getValueAtPercentile(q * 100);
            assertThat(d.quantile(q)).as("p%s", q * 100).isCloseTo(hdr, within(hdr / 50));
        }
    }

    @Test
    void shouldMergeIntoWhatAddingEverythingGives() {
        LatencyDigest a = new LatencyDigest();
        LatencyDigest b = new LatencyDigest();
        LatencyDigest all = new LatencyDigest();
        for (long v = 0; v < 5_000; v += 7) {
            (v % 2 == 0 ? a : b).add(v);
            all.add(v);
        }
        a.merge(b);
        assertThat(a.count()).isEqualTo(all.count());
        for (double q : QUANTILES) {
            assertThat(a.quantile(q)).isEqualTo(all.quantile(q));
        }
    }

    @Test
    void shouldSurviveEncoding() {
        LatencyDigest d = new LatencyDigest();
        for (long v : new long[] {0, 1, 127, 128, 129, 5_000, 5_001, 4_294_967_295L}) {
            d.add(v);
        }
        ByteBuffer buffer = ByteBuffer.allocate(d.encodedSize());
        d.encode(buffer);
        assertThat(buffer.remaining()).isZero();

        LatencyDigest read = LatencyDigest.decode(ByteBuffer.wrap(buffer.array()));
        assertThat(read.count()).isEqualTo(8);
        for (double q : QUANTILES) {
            assertThat(read.quantile(q)).isEqualTo(d.quantile(q));
        }
    }

    @Test
    void shouldMapEveryValueIntoTheBucketThatHoldsIt() {
        for (long v : new long[] {0, 127, 128, 129, 255, 256, 1_000, 65_535, 1L << 31, 4_294_967_295L}) {
            int bucket = LatencyDigest.bucketOf(v);
            assertThat(LatencyDigest.lowerBound(bucket)).as("bucket of %d", v).isLessThanOrEqualTo(v);
            assertThat(LatencyDigest.lowerBound(bucket + 1)).as("next bucket of %d", v).isGreaterThan(v);
        }
    }

    @Test
    void shouldAnswerZeroWhenEmpty() {
        assertThat(new LatencyDigest().quantile(0.99)).isZero();
    }
}

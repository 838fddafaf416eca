package gov.gsb.broker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.broker.Fakes;
import gov.gsb.broker.internal.DenialLog.Denial;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DenialLogTest {

    record Line(Denial denial, long suppressed) {
    }

    final Fakes.MutableClock clock = new Fakes.MutableClock();
    final List<Line> lines = new ArrayList<>();

    DenialLog log(Duration interval, int maxKeys) {
        return new DenialLog(clock, interval, maxKeys, (denial, suppressed) -> lines.add(new Line(denial, suppressed)));
    }

    static Denial denial(String principal, String resource, String operation) {
        return new Denial(principal, "[agencies/tax]", "[publisher]", resource, operation, "127.0.0.1");
    }

    @Test
    void shouldLogTheFirstDenialAtOnce() {
        log(Duration.ofMinutes(1), 100).denied(denial("User:a", "TOPIC:t", "WRITE"));

        assertThat(lines).containsExactly(new Line(denial("User:a", "TOPIC:t", "WRITE"), 0));
    }

    @Test
    void shouldLogOneLinePerIntervalAndCountWhatItLeftOut() {
        DenialLog log = log(Duration.ofMinutes(1), 100);
        Denial d = denial("User:a", "TOPIC:t", "WRITE");

        log.denied(d);
        clock.advance(Duration.ofSeconds(30));
        log.denied(d);
        log.denied(d);
        clock.advance(Duration.ofSeconds(29));
        log.denied(d);
        clock.advance(Duration.ofSeconds(1));
        log.denied(d);

        assertThat(lines).containsExactly(new Line(d, 0), new Line(d, 3));
    }

    @Test
    void shouldThrottleEachPrincipalResourceAndOperationOnItsOwn() {
        DenialLog log = log(Duration.ofMinutes(1), 100);

        log.denied(denial("User:a", "TOPIC:t", "WRITE"));
        log.denied(denial("User:b", "TOPIC:t", "WRITE"));
        log.denied(denial("User:a", "TOPIC:u", "WRITE"));
        log.denied(denial("User:a", "TOPIC:t", "READ"));
        log.denied(denial("User:a", "TOPIC:t", "WRITE"));

        assertThat(lines).hasSize(4);
    }

    @Test
    void shouldLogEveryDenialWhenTheIntervalIsZero() {
        DenialLog log = log(Duration.ZERO, 100);

        log.denied(denial("User:a", "TOPIC:t", "WRITE"));
        log.denied(denial("User:a", "TOPIC:t", "WRITE"));

        assertThat(lines).hasSize(2);
    }

    @Test
    void shouldForgetKeysWhenItRemembersTooManyButStillThrottleRecentOnes() {
        DenialLog log = log(Duration.ofMinutes(1), 2);
        log.denied(denial("User:old", "TOPIC:t", "WRITE"));
        clock.advance(Duration.ofMinutes(2));
        log.denied(denial("User:a", "TOPIC:t", "WRITE"));
        log.denied(denial("User:b", "TOPIC:t", "WRITE"));   // three keys: the expired one is dropped
        lines.clear();

        log.denied(denial("User:a", "TOPIC:t", "WRITE"));
        log.denied(denial("User:old", "TOPIC:t", "WRITE"));

        assertThat(lines).extracting(l -> l.denial().principal()).containsExactly("User:old");
        assertThat(lines.get(0).suppressed()).isZero();
    }
}

package gov.gsb.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallFilterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:15:42.500Z"), ZoneOffset.UTC);

    private static CallFilter parse(Map<String, String> p) {
        return CallFilter.parse(p, CLOCK);
    }

    @Test
    void shouldDefaultToTheLast24Hours() {
        CallFilter f = parse(Map.of());
        assertThat(f.to()).isEqualTo(Instant.parse("2026-03-01T10:15:42Z"));
        assertThat(f.from()).isEqualTo(Instant.parse("2026-02-28T10:15:42Z"));
        assertThat(f.service()).isNull();
        assertThat(f.outcome()).isNull();
    }

    @Test
    void shouldReadInstantsLocalTimesAndDatesAsUtc() {
        assertThat(parse(Map.of("from", "2026-03-01T09:00:00Z", "to", "2026-03-01T10:00")).to())
                .isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(parse(Map.of("from", "2026-02-01")).from()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(parse(Map.of("from", "2026-02-01")).to()).as("a day after from").isEqualTo(Instant.parse("2026-02-02T00:00:00Z"));
    }

    @Test
    void shouldReadEveryFilterAndIgnoreBlankOnes() {
        CallFilter f = parse(Map.of("service", "tax.income-check", "provider", "tax", "consumer", "single-window",
                "user", "Jan Jansen", "ip", "2001:db8::1", "device", "Firefox", "method", "check-income",
                "outcome", "timeout", "page", "2"));
        assertThat(f).extracting(CallFilter::service, CallFilter::provider, CallFilter::consumer, CallFilter::user,
                CallFilter::ip, CallFilter::device, CallFilter::method, CallFilter::outcome)
                .containsExactly("tax.income-check", "tax", "single-window", "Jan Jansen", "2001:db8::1", "Firefox",
                        "check-income", Outcome.TIMEOUT);
        assertThat(parse(Map.of("service", " ", "user", "")).service()).isNull();
    }

    @Test
    void shouldNameEveryWrongFieldAtOnce() {
        assertThatThrownBy(() -> parse(Map.of("from", "yesterday", "service", "Tax Returns", "provider", "tax'--",
                "ip", "1.1.1.1; DROP", "outcome", "MAYBE", "method", "a b", "user", "x".repeat(201),
                "device", "bad\u0000byte")))
                .isInstanceOfSatisfying(InvalidFilterException.class, e -> assertThat(e.errors())
                        .containsOnlyKeys("from", "service", "provider", "ip", "outcome", "method", "user", "device")
                        .hasEntrySatisfying("outcome", m -> assertThat(m).contains("SUCCESS, FAILURE").contains("MAYBE"))
                        .hasEntrySatisfying("device", m -> assertThat(m).doesNotContain("\u0000")));
    }

    @Test
    void shouldRefuseARangeThatIsEmptyOrTooLong() {
        assertThatThrownBy(() -> parse(Map.of("from", "2026-03-01T10:00:00Z", "to", "2026-03-01T10:00:00Z")))
                .isInstanceOfSatisfying(InvalidFilterException.class, e -> assertThat(e.errors()).containsKey("from"));
        assertThatThrownBy(() -> parse(Map.of("from", "2020-01-01T00:00:00Z", "to", "2026-01-01T00:00:00Z")))
                .isInstanceOfSatisfying(InvalidFilterException.class,
                        e -> assertThat(e.errors().get("from")).contains("400 days"));
    }

    @Test
    void shouldWidenToWholeMinutesAsTheRollupsCount() {
        CallFilter f = parse(Map.of("from", "2026-03-01T09:00:30Z", "to", "2026-03-01T10:00:01Z")).wholeMinutes();
        assertThat(f.from()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(f.to()).isEqualTo(Instant.parse("2026-03-01T10:01:00Z"));
        CallFilter aligned = parse(Map.of("from", "2026-03-01T09:00:00Z", "to", "2026-03-01T10:00:00Z")).wholeMinutes();
        assertThat(aligned.to()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
    }

    @Test
    void shouldChooseBucketsSoThatAChartHasAtMost360() {
        assertThat(parse(Map.of("from", "2026-03-01T09:00:00Z", "to", "2026-03-01T10:00:00Z")).bucket())
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(parse(Map.of()).bucket()).isEqualTo(Duration.ofMinutes(5));
        assertThat(parse(Map.of("from", "2026-02-22T10:00:00Z", "to", "2026-03-01T10:00:00Z")).bucket())
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(parse(Map.of("from", "2025-03-01T10:00:00Z", "to", "2026-03-01T10:00:00Z")).bucket())
                .isEqualTo(Duration.ofDays(2));
    }

    @Test
    void shouldRoundTripThroughItsParameters() {
        CallFilter f = parse(Map.of("service", "tax.income-check", "outcome", "DENIED", "user", "a&b=c"));
        assertThat(parse(f.toParameters())).isEqualTo(f);
    }

    @Test
    void shouldCheckPagesAndSizes() {
        assertThat(PageRequest.parse(Map.of())).isEqualTo(new PageRequest(1, 50));
        assertThat(PageRequest.parse(Map.of("page", "3", "size", "20")).offset()).isEqualTo(40);
        assertThatThrownBy(() -> PageRequest.parse(Map.of("page", "0", "size", "x")))
                .isInstanceOfSatisfying(InvalidFilterException.class, e -> assertThat(e.errors()).containsOnlyKeys("page", "size"));
        assertThatThrownBy(() -> PageRequest.parse(Map.of("page", "100000", "size", "500")))
                .isInstanceOfSatisfying(InvalidFilterException.class, e -> assertThat(e.errors()).containsOnlyKeys("page"));
    }
}

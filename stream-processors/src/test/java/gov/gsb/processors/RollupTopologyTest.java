package gov.gsb.processors;

import static gov.gsb.processors.TestRecords.T0;
import static gov.gsb.processors.TestRecords.call;
import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.bus.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RollupTopologyTest {

    private static final Instant MINUTE = Instant.parse("2026-03-01T10:15:00Z");

    private final TopologyHarness harness = new TopologyHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    private RollupRow rollup(Instant minute, String consumer, Outcome outcome) {
        return harness.writer.finalRollups().get(new RollupRow.Identity(minute, "tax", consumer, "tax.bill-issued",
                "BillIssued", "DELIVERY", outcome.name()));
    }

    @Test
    void shouldCountCallsFailuresAndLatenciesPerMinuteAndKey() {
        for (int i = 1; i <= 100; i++) {
            harness.send(call("tax", "utilities", MINUTE.plusMillis(i * 100), i, Outcome.SUCCESS));
        }
        harness.send(call("tax", "utilities", MINUTE.plusSeconds(20), 7, Outcome.FAILURE));
        harness.send(call("tax", "utilities", MINUTE.plusSeconds(21), 9, Outcome.FAILURE));
        harness.send(call("tax", "single-window", MINUTE.plusSeconds(22), 5, Outcome.SUCCESS));

        assertThat(rollup(MINUTE, "utilities", Outcome.SUCCESS)).isEqualTo(new RollupRow(MINUTE, "tax", "utilities",
                "tax.bill-issued", "BillIssued", "DELIVERY", "SUCCESS", 100, 0, 5050, 100, 50, 95, 99, 100));
        assertThat(rollup(MINUTE, "utilities", Outcome.FAILURE)).isEqualTo(new RollupRow(MINUTE, "tax", "utilities",
                "tax.bill-issued", "BillIssued", "DELIVERY", "FAILURE", 2, 2, 16, 9, 7, 9, 9, 2));
        assertThat(rollup(MINUTE, "single-window", Outcome.SUCCESS).calls()).isEqualTo(1);
        assertThat(harness.writer.finalRollups()).hasSize(3);
    }

    @Test
    void shouldWriteTheRowAgainWithAHigherVersionAsItsCountGrows() {
        harness.send(call("tax", "utilities", MINUTE.plusSeconds(1), 10, Outcome.SUCCESS));
        harness.send(call("tax", "utilities", MINUTE.plusSeconds(2), 30, Outcome.SUCCESS));

        assertThat(harness.writer.rows(Table.CALLS_PER_MINUTE)).extracting(RollupRow::version, RollupRow::latencySumMs)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 10L), org.assertj.core.groups.Tuple.tuple(2L, 40L));
    }

    @Test
    void shouldCountEachMinuteByWhenTheCallWasSent() {
        harness.send(call("tax", "utilities", MINUTE.plusSeconds(59), 1, Outcome.SUCCESS));
        harness.send(call("tax", "utilities", MINUTE.plusSeconds(60), 1, Outcome.SUCCESS));
        harness.send(call("tax", "utilities", MINUTE.plusSeconds(61), 1, Outcome.SUCCESS));

        assertThat(rollup(MINUTE, "utilities", Outcome.SUCCESS).calls()).isEqualTo(1);
        assertThat(rollup(MINUTE.plusSeconds(60), "utilities", Outcome.SUCCESS).calls()).isEqualTo(2);
    }

    @Test
    void shouldCountALateCallInItsMinuteWithinTheGrace() {
        harness.send(call("tax", "utilities", MINUTE.plusSeconds(1), 10, Outcome.SUCCESS));
        harness.send(call("tax", "utilities", MINUTE.plusSeconds(50 * 60), 10, Outcome.SUCCESS)); // stream time +50 min

        harness.send(call("tax", "utilities", MINUTE.plusSeconds(2), 20, Outcome.SUCCESS), MINUTE.plusSeconds(50 * 60));

        assertThat(rollup(MINUTE, "utilities", Outcome.SUCCESS).calls()).isEqualTo(2);
        assertThat(rollup(MINUTE, "utilities", Outcome.SUCCESS).latencyMaxMs()).isEqualTo(20);
        assertThat(harness.metric("dropped-records-total")).isZero();
    }

    @Test
    void shouldDropACallLaterThanTheGraceAndCountItAsDropped() {
        harness.send(call("tax", "utilities", MINUTE.plusSeconds(1), 10, Outcome.SUCCESS));
        Instant muchLater = MINUTE.plus(RollupTopology.DEFAULT_GRACE).plusSeconds(120);
        harness.send(call("tax", "utilities", muchLater, 10, Outcome.SUCCESS));

        harness.send(call("tax", "utilities", MINUTE.plusSeconds(2), 20, Outcome.SUCCESS), muchLater);

        assertThat(rollup(MINUTE, "utilities", Outcome.SUCCESS).calls()).isEqualTo(1);
        assertThat(harness.metric("dropped-records-total")).isEqualTo(1);
        assertThat(harness.writer.rows(Table.CALLS)).as("the call log keeps it").hasSize(3);
    }

    @Test
    void shouldNotLetACallFromTheFuturePushLaterCallsOutOfTheGrace() {
        Instant now = MINUTE.plusSeconds(5);
        harness.send(call("tax", "utilities", now.plus(Duration.ofDays(365)), 10, Outcome.SUCCESS), now);

        harness.send(call("tax", "utilities", now.plusSeconds(1), 10, Outcome.SUCCESS));

        assertThat(rollup(MINUTE, "utilities", Outcome.SUCCESS).calls()).as("both counted when written").isEqualTo(2);
        assertThat(harness.metric("dropped-records-total")).isZero();
    }

    @Test
    void shouldLeaveLatencyStatisticsAtZeroWhenNoLatencyIsKnown() {
        harness.send(TestRecords.publish().setRequestSentAt(T0.plusSeconds(3)).build());

        Map<RollupRow.Identity, RollupRow> rows = harness.writer.finalRollups();
        assertThat(rows.values()).singleElement().satisfies(r -> {
            assertThat(r.consumerAgency()).isEmpty();
            assertThat(r.outcome()).isEqualTo("DENIED");
            assertThat(r.calls()).isEqualTo(1);
            assertThat(r.failures()).isEqualTo(1);
            assertThat(List.of(r.latencySumMs(), r.latencyMaxMs())).containsOnly(0L);
            assertThat(List.of(r.latencyP50Ms(), r.latencyP95Ms(), r.latencyP99Ms())).containsOnly(0.0);
        });
    }

    @Test
    void shouldWriteOnlyTheFullestPendingRowOfAMinute() {
        RollupRow one = new RollupRow(MINUTE, "a", "b", "a.s", "m", "REQUEST", "SUCCESS", 1, 0, 5, 5, 5, 5, 5, 1);
        RollupRow two = new RollupRow(MINUTE, "a", "b", "a.s", "m", "REQUEST", "SUCCESS", 2, 0, 9, 5, 4, 5, 5, 2);
        RollupRow other = new RollupRow(MINUTE, "a", "c", "a.s", "m", "REQUEST", "SUCCESS", 1, 0, 1, 1, 1, 1, 1, 1);

        assertThat(RollupTopology.latestPerMinuteAndKey(List.of(one, other, two))).containsExactly(two, other);
    }
}

package gov.gsb.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardQueriesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:15:42Z"), ZoneOffset.UTC);
    private static final String ATTACK = "x' OR '1'='1'; DROP TABLE calls; --";

    private static CallFilter filter(Map<String, String> p) {
        return CallFilter.parse(p, CLOCK);
    }

    private static List<SqlQuery> all(CallFilter f) {
        return List.of(DashboardQueries.totals(f), DashboardQueries.series(f), DashboardQueries.byProvider(f),
                DashboardQueries.byConsumer(f), DashboardQueries.topServices(f, 10), DashboardQueries.errorCodes(f),
                DashboardQueries.latency(f), DashboardQueries.latencySeries(f), DashboardQueries.count(f),
                DashboardQueries.search(f, new PageRequest(2, 25)), DashboardQueries.export(f));
    }

    @Test
    void shouldKeepUserTextOutOfTheSqlAndInTheParameters() {
        CallFilter f = filter(Map.of("user", ATTACK, "device", ATTACK));
        for (SqlQuery q : List.of(DashboardQueries.count(f), DashboardQueries.search(f, new PageRequest(1, 10)),
                DashboardQueries.export(f))) {
            assertThat(q.sql()).doesNotContain(ATTACK).doesNotContain("DROP")
                    .contains("end_user = {user:String}", "positionCaseInsensitiveUTF8(device, {device:String}) > 0");
            assertThat(q.parameters().get("user")).isEqualTo(new SqlQuery.Parameter("String", ATTACK));
        }
    }

    @Test
    void shouldReadBothTablesWithFinalWhereTheyCount() {
        for (SqlQuery q : all(filter(Map.of()))) {
            if (q.name().startsWith("latency")) {
                // Quantiles: a record written twice after a crash is a second sample of the same latency.
                assertThat(q.sql()).as(q.name()).contains("quantilesTiming(").containsPattern("FROM calls\\s*\n");
                continue;
            }
            assertThat(q.sql()).as(q.name()).containsAnyOf("FROM calls_per_minute FINAL", "FROM calls FINAL");
            assertThat(q.sql()).as(q.name()).doesNotContainPattern("FROM (calls|calls_per_minute)\\s*\n");
        }
    }

    @Test
    void shouldCountOverviewsFromTheRollupsOnWholeMinutes() {
        CallFilter f = filter(Map.of("from", "2026-03-01T09:00:30Z", "to", "2026-03-01T10:00:10Z", "provider", "tax"));
        SqlQuery totals = DashboardQueries.totals(f);
        assertThat(totals.sql()).contains("FROM calls_per_minute FINAL", "minute >= {from:DateTime64(3, 'UTC')}",
                "provider_agency = {provider:String}");
        assertThat(totals.parameters()).containsEntry("from", new SqlQuery.Parameter("DateTime64(3, 'UTC')", "2026-03-01 09:00:00.000"))
                .containsEntry("to", new SqlQuery.Parameter("DateTime64(3, 'UTC')", "2026-03-01 10:01:00.000"));
        assertThat(DashboardQueries.errorCodes(f).parameters().get("to").value()).isEqualTo("2026-03-01 10:01:00.000");
    }

    @Test
    void shouldSearchTheExactRangeWithEveryFilter() {
        CallFilter f = filter(Map.of("from", "2026-03-01T09:00:30Z", "to", "2026-03-01T10:00:10Z", "service", "tax.x",
                "provider", "tax", "consumer", "utilities", "user", "u", "ip", "10.0.0.1", "device", "d", "method", "m",
                "outcome", "DENIED"));
        SqlQuery search = DashboardQueries.search(f, new PageRequest(3, 20));
        assertThat(search.parameters()).containsKeys("from", "to", "service", "provider", "consumer", "user", "ip",
                "device", "method", "outcome", "limit", "offset");
        assertThat(search.parameters().get("from").value()).isEqualTo("2026-03-01 09:00:30.000");
        assertThat(search.parameters().get("offset")).isEqualTo(new SqlQuery.Parameter("UInt32", "40"));
        assertThat(search.sql()).contains("ORDER BY request_sent_at DESC", "LIMIT {limit:UInt32} OFFSET {offset:UInt32}");
    }

    @Test
    void shouldLeaveOutConditionsOfFiltersNotGiven() {
        SqlQuery q = DashboardQueries.count(filter(Map.of()));
        assertThat(q.parameters()).containsOnlyKeys("from", "to");
        assertThat(q.sql()).doesNotContain("service =", "end_user");
    }

    @Test
    void shouldEscapeWhatClickHouseWouldReadAsEscapeSequences() {
        assertThat(SqlQuery.escape("a\\tb\tc\nd'e")).isEqualTo("a\\\\tb\\tc\\nd'e");
        assertThat(filterParameter("user", "back\\slash")).isEqualTo("back\\\\slash");
    }

    @Test
    void shouldRefuseAParameterThatIsNotInTheQuery() {
        assertThatThrownBy(() -> new SqlQuery("q", "SELECT 1", Map.of("x", new SqlQuery.Parameter("String", "1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x");
    }

    @Test
    void shouldFillEmptyBucketsWithZero() {
        CallFilter f = filter(Map.of("from", "2026-03-01T10:00:00Z", "to", "2026-03-01T10:05:00Z"));
        long t0 = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();
        List<Rows.Point> filled = Dashboards.fill(List.of(new Rows.Point(t0 + 120_000, 3, 1)), f, 60,
                Rows.Point::t, t -> new Rows.Point(t, 0, 0));
        assertThat(filled).extracting(Rows.Point::success).containsExactly(0L, 0L, 3L, 0L, 0L);
    }

    private static String filterParameter(String name, String value) {
        return DashboardQueries.count(filter(Map.of(name, value))).parameters().get(name).value();
    }
}

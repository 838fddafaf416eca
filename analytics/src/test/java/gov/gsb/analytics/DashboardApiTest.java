package gov.gsb.analytics;

import static gov.gsb.analytics.ApiSecurityTest.as;
import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.bus.CallKind;
import gov.gsb.bus.CallRecord;
import gov.gsb.bus.Outcome;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The API's answers against what went through the pipeline ({@link TestData}): totals, breakdowns, search, paging,
 * CSV, and filters that reach ClickHouse only as bound parameters.
 */
@QuarkusTest
@WithTestResource(AnalyticsServers.class)
class DashboardApiTest {

    private static JsonPath overview(Map<String, String> filter) {
        return as("analyst").queryParams(filter).get("/api/overview").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath calls(Map<String, String> filter) {
        return as("analyst").queryParams(filter).get("/api/calls").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Long> perName(JsonPath json, String list, String field) {
        return json.<Map<String, Object>>getList(list).stream().collect(Collectors.toMap(m -> (String) m.get("name"),
                m -> ((Number) m.get(field)).longValue(), (a, b) -> a, TreeMap::new));
    }

    @Test
    void shouldShowTotalsEqualToTheCallsLoaded() {
        JsonPath o = overview(Map.of());
        assertThat(o.getLong("totals.calls")).isEqualTo(TestData.CALLS);
        assertThat(o.getLong("totals.failures")).isEqualTo(TestData.failures());
        List<Integer> success = o.getList("series.success", Integer.class);
        List<Integer> failure = o.getList("series.failure", Integer.class);
        assertThat(success.stream().mapToLong(Integer::longValue).sum()).isEqualTo(TestData.CALLS - TestData.failures());
        assertThat(failure.stream().mapToLong(Integer::longValue).sum()).isEqualTo(TestData.failures());
        assertThat(o.getLong("bucketSeconds")).isEqualTo(300); // 24 hours in 5-minute buckets
    }

    @Test
    void shouldBreakCallsDownPerAgencyServiceAndErrorCode() {
        JsonPath o = overview(Map.of());
        assertThat(perName(o, "providers", "calls")).isEqualTo(TestData.callsBy(CallRecord::getProviderAgency));
        assertThat(perName(o, "providers", "failures")).containsAllEntriesOf(TestData.failuresBy(CallRecord::getProviderAgency));
        assertThat(perName(o, "consumers", "calls")).isEqualTo(TestData.callsBy(CallRecord::getConsumerAgency));
        assertThat(perName(o, "services", "calls")).isEqualTo(TestData.callsBy(CallRecord::getService));
        Map<String, Long> errors = o.<Map<String, Object>>getList("errors").stream().collect(Collectors.toMap(
                m -> (String) m.get("errorCode"), m -> ((Number) m.get("calls")).longValue(), Long::sum, TreeMap::new));
        assertThat(errors).isEqualTo(TestData.failuresBy(CallRecord::getErrorCode));
        double rate = o.getDouble("providers.find { it.name == 'tax' }.successRate");
        long taxCalls = TestData.callsBy(CallRecord::getProviderAgency).get("tax");
        assertThat(rate).isCloseTo(1 - (double) TestData.failuresBy(CallRecord::getProviderAgency).get("tax") / taxCalls,
                org.assertj.core.data.Offset.offset(0.0001));
    }

    @Test
    void shouldReportLatencyOfTheCallsWhoseLatencyIsKnown() {
        JsonPath o = overview(Map.of());
        // Every record has requestReceivedAt; a REQUEST's latency needs its reply, which a timed-out one lacks...
        // but then it falls back to requestReceivedAt: every record's latency is known.
        assertThat(o.getLong("latency.known")).isEqualTo(TestData.CALLS);
        assertThat(o.getDouble("latency.p50")).isBetween(10.0, 330.0);
        assertThat(o.getDouble("latency.p99")).isGreaterThanOrEqualTo(o.getDouble("latency.p95"));
        assertThat(o.getList("latencySeries")).isNotEmpty();
    }

    @Test
    void shouldNarrowTheOverviewToAServiceOrAnAgency() {
        String service = "tax.income-check";
        JsonPath o = overview(Map.of("service", service));
        assertThat(o.getLong("totals.calls")).isEqualTo(TestData.count(r -> r.getService().equals(service)));
        JsonPath consumer = overview(Map.of("consumer", "single-window"));
        assertThat(consumer.getLong("totals.calls")).isEqualTo(TestData.count(r -> "single-window".equals(r.getConsumerAgency())));
        assertThat(consumer.getLong("totals.failures")).isEqualTo(TestData.count(r -> "single-window".equals(r.getConsumerAgency())
                && r.getOutcome() != Outcome.SUCCESS));
    }

    @Test
    void shouldFindACallByIpByUserAndByDevice() {
        JsonPath byIp = calls(Map.of("ip", TestData.JAN_IP));
        assertThat(byIp.getLong("total")).isEqualTo(1);
        assertThat(byIp.getString("calls[0].user")).isEqualTo(TestData.JAN);
        assertThat(byIp.getString("calls[0].callId")).isEqualTo("call-17");
        assertThat(calls(Map.of("user", TestData.JAN)).getString("calls[0].ip")).isEqualTo(TestData.JAN_IP);
        assertThat(calls(Map.of("device", "iphone")).getList("calls.callId")).containsExactly("call-17");
    }

    @Test
    void shouldFilterByEveryField() {
        Map<String, String> filter = Map.of("service", "civil-registry.address-change", "provider", "civil-registry",
                "consumer", "tax", "method", "change-address", "outcome", "failure");
        long expected = TestData.count(r -> r.getService().equals("civil-registry.address-change")
                && "tax".equals(r.getConsumerAgency()) && r.getOutcome() == Outcome.FAILURE);
        assertThat(expected).isPositive();
        JsonPath page = calls(filter);
        assertThat(page.getLong("total")).isEqualTo(expected);
        assertThat(page.getList("calls.outcome")).containsOnly("FAILURE");
        assertThat(calls(Map.of("outcome", "TIMEOUT")).getLong("total"))
                .isEqualTo(TestData.count(r -> r.getOutcome() == Outcome.TIMEOUT));
        assertThat(calls(Map.of("service", "utilities.bill-issued")).getList("calls.kind"))
                .containsOnly(CallKind.DELIVERY.name());
    }

    @Test
    void shouldPageThroughTheCallLogNewestFirst() {
        JsonPath first = calls(Map.of("size", "100", "page", "1"));
        JsonPath third = calls(Map.of("size", "100", "page", "3"));
        assertThat(first.getLong("total")).isEqualTo(TestData.CALLS);
        assertThat(first.getList("calls")).hasSize(100);
        assertThat(third.getList("calls")).hasSize(TestData.CALLS - 200);
        List<Long> times = first.getList("calls.sentAt", Long.class);
        assertThat(times).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(times.get(99)).isGreaterThanOrEqualTo(third.getLong("calls[0].sentAt"));
    }

    @Test
    void shouldBindFilterTextLiterallySoInjectionAttemptsMatchNothing() {
        // The one row whose end user *is* this text is found, and only it: the text was compared, not executed.
        assertThat(calls(Map.of("user", TestData.INJECTION_USER)).getList("calls.callId")).containsExactly("call-18");
        assertThat(calls(Map.of("user", "' OR 1=1 --")).getLong("total")).isZero();
        assertThat(calls(Map.of("user", "x') OR 1=1 UNION SELECT name FROM system.tables --")).getLong("total")).isZero();
        assertThat(calls(Map.of("device", "%' OR '1'='1")).getLong("total")).isZero();
        assertThat(calls(Map.of("device", "\\' OR 1=1 --\\")).getLong("total")).isZero();
        assertThat(calls(Map.of("user", "a\\tb")).getLong("total")).isZero();
        assertThat(calls(Map.of()).getLong("total")).as("the table is intact").isEqualTo(TestData.CALLS);
    }

    @Test
    void shouldExportTheSameFilteredCallsAsCsv() {
        String one = as("analyst").queryParam("ip", TestData.JAN_IP).get("/api/calls.csv").then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("gsb-calls.csv"))
                .contentType(org.hamcrest.Matchers.containsString("text/csv")).extract().asString();
        List<String> lines = one.lines().toList();
        assertThat(lines.get(0)).startsWith("\"request_sent_at\",\"call_id\"");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("\"call-17\"", "\"" + TestData.JAN + "\"", "\"" + TestData.JAN_IP + "\"");
        String all = as("admin").get("/api/calls.csv").then().statusCode(200).extract().asString();
        assertThat(all.lines().count()).isEqualTo(TestData.CALLS + 1L);
        Function<String, Long> failures = csv -> csv.lines().skip(1).filter(l -> !l.contains(",\"SUCCESS\",")).count();
        assertThat(failures.apply(all)).isEqualTo(TestData.failures());
        assertThat(all.lines().filter(l -> l.contains("\"call-19\"")))
                .singleElement().asString().contains("\"'" + TestData.FORMULA + "\"");
    }
}

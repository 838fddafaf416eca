package gov.gsb.analytics.query;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SQL of every dashboard and of the call-log search, built from a {@link CallFilter} with each value bound.
 *
 * <p>Counts come from the per-minute rollups ({@code calls_per_minute}), which stay small however much traffic there
 * is; error codes, latency quantiles and the search read the call log ({@code calls}). Both tables are
 * ReplacingMergeTrees that may hold a row twice until merged (a processor that restarted wrote it again), so every
 * query reads them with {@code FINAL}, which collapses the copies at read time.
 */
public final class DashboardQueries {

    /** The most rows a CSV export holds. */
    public static final int MAX_EXPORT_ROWS = 1_000_000;
    /** The most rows of a breakdown (agencies, services, error codes). */
    public static final int MAX_GROUPS = 50;

    private static final String TIME = "DateTime64(3, 'UTC')";
    private static final DateTimeFormatter CLICKHOUSE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    private static final String ROLLUPS = "calls_per_minute FINAL";
    private static final String CALL_LOG = "calls FINAL";
    /**
     * The latency quantiles: {@code quantilesTiming} is made for response times in milliseconds (exact below 1,024 ms,
     * within 16 ms above; a latency above 30 s counts as 30 s) and on a week of calls takes about half the time of
     * the general {@code quantiles}, which samples.
     */
    /**
     * The call log as the latency quantiles read it: without FINAL, which costs a third of a week's latency chart.
     * Only a processor that crashed between its insert and its commit writes a record twice, and a second sample of
     * the same latency moves no quantile measurably; the counts of every other query stay exact.
     */
    private static final String CALL_LOG_SAMPLES = "calls";
    private static final String LATENCY_QUANTILES = "quantilesTiming(0.5, 0.95, 0.99)(latency_ms)";
    private static final String ROW_COLUMNS = """
            toUnixTimestamp64Milli(request_sent_at) AS sentAt, call_id AS callId, kind, service, method,
            provider_agency AS provider, consumer_agency AS consumer, end_user AS user, client_ip AS ip, device,
            outcome, error_code AS errorCode, error_message AS errorMessage, latency_ms AS latencyMs""";
    private static final String EXPORT_COLUMNS = """
            request_sent_at, call_id, correlation_id, kind, service, service_version, method, provider_agency,
            consumer_agency, end_user, client_ip, device, sdk_version, outcome, error_code, error_message, latency_ms,
            request_bytes, reply_bytes""";
    /** Columns whose text comes from callers: guarded against spreadsheet formula injection in exports (OWASP). */
    private static final Set<String> FREE_TEXT = Set.of("correlation_id", "method", "end_user", "client_ip", "device",
            "error_code", "error_message");
    private static final String FORMULA_SAFE_COLUMNS = Arrays.stream(EXPORT_COLUMNS.split(","))
            .map(String::strip).map(DashboardQueries::formulaSafe).collect(Collectors.joining(", "));

    private DashboardQueries() {
    }

    /** @return total calls and failures (whole minutes of the range) */
    public static SqlQuery totals(CallFilter filter) {
        SqlQuery.Builder b = rollups(filter.wholeMinutes());
        return b.build("totals", "SELECT sum(calls) AS calls, sum(failures) AS failures FROM " + ROLLUPS + "\n"
                + b.whereClause());
    }

    /** @return per time bucket ({@link CallFilter#bucket()}): calls that succeeded and that did not */
    public static SqlQuery series(CallFilter filter) {
        SqlQuery.Builder b = rollups(filter.wholeMinutes()).bind("step", "UInt32", filter.bucket().toSeconds());
        return b.build("series", "SELECT intDiv(toUnixTimestamp(minute), {step:UInt32}) * {step:UInt32} * 1000 AS t,\n"
                + "  sum(calls) - sum(failures) AS success, sum(failures) AS failure\nFROM " + ROLLUPS + "\n"
                + b.whereClause() + "\nGROUP BY t ORDER BY t");
    }

    /** @return calls, failures and success rate per provider agency, busiest first */
    public static SqlQuery byProvider(CallFilter filter) {
        return rates("providers", "provider_agency", filter, MAX_GROUPS);
    }

    /** @return calls, failures and success rate per consumer agency ('' for publishes), busiest first */
    public static SqlQuery byConsumer(CallFilter filter) {
        return rates("consumers", "consumer_agency", filter, MAX_GROUPS);
    }

    /** @return the busiest services with their failures and success rate */
    public static SqlQuery topServices(CallFilter filter, int limit) {
        return rates("services", "service", filter, limit);
    }

    /** @return per error code and outcome, the calls that did not succeed, most frequent first */
    public static SqlQuery errorCodes(CallFilter filter) {
        SqlQuery.Builder b = callLog(filter.wholeMinutes());
        String where = b.whereClause().isEmpty() ? "WHERE outcome != 'SUCCESS'" : b.whereClause()
                + "\n  AND outcome != 'SUCCESS'";
        return b.build("errors", "SELECT error_code AS errorCode, outcome, count() AS calls FROM " + CALL_LOG + "\n"
                + where + "\nGROUP BY errorCode, outcome ORDER BY calls DESC, errorCode LIMIT " + MAX_GROUPS);
    }

    /**
     * @return the latency quantiles p50, p95 and p99 (ms) over the calls whose latency is known, and their count (read
     *         without FINAL: a record written twice and not merged yet counts twice here)
     */
    public static SqlQuery latency(CallFilter filter) {
        SqlQuery.Builder b = callLog(filter.wholeMinutes());
        return b.build("latency", "SELECT known, q[1] AS p50, q[2] AS p95, q[3] AS p99 FROM (\n"
                + "  SELECT count(latency_ms) AS known, " + LATENCY_QUANTILES + " AS q FROM " + CALL_LOG_SAMPLES
                + "\n" + b.whereClause() + ")");
    }

    /** @return per time bucket, the latency quantiles p50, p95 and p99 (ms) */
    public static SqlQuery latencySeries(CallFilter filter) {
        SqlQuery.Builder b = callLog(filter.wholeMinutes()).bind("step", "UInt32", filter.bucket().toSeconds());
        return b.build("latency-series", "SELECT t, q[1] AS p50, q[2] AS p95, q[3] AS p99 FROM (\n"
                + "  SELECT intDiv(toUnixTimestamp(request_sent_at), {step:UInt32}) * {step:UInt32} * 1000 AS t,\n"
                + "    " + LATENCY_QUANTILES + " AS q FROM " + CALL_LOG_SAMPLES + "\n" + b.whereClause()
                + "\n  GROUP BY t) ORDER BY t");
    }

    /** @return the calls matching the filter (exact range), newest first, one page of them */
    public static SqlQuery search(CallFilter filter, PageRequest page) {
        SqlQuery.Builder b = callLog(filter).bind("limit", "UInt32", page.size()).bind("offset", "UInt32", page.offset());
        return b.build("search", "SELECT " + ROW_COLUMNS + "\nFROM " + CALL_LOG + "\n" + b.whereClause()
                + "\nORDER BY request_sent_at DESC, call_id LIMIT {limit:UInt32} OFFSET {offset:UInt32}");
    }

    /** @return how many calls match the filter (exact range) */
    public static SqlQuery count(CallFilter filter) {
        SqlQuery.Builder b = callLog(filter);
        return b.build("count", "SELECT count() AS total FROM " + CALL_LOG + "\n" + b.whereClause());
    }

    /**
     * @return every column of the calls matching the filter, newest first, for a CSV export; free text that callers
     *         chose (user, device, method, messages) and that a spreadsheet would run as a formula gets a leading quote
     */
    public static SqlQuery export(CallFilter filter) {
        SqlQuery.Builder b = callLog(filter).bind("limit", "UInt32", MAX_EXPORT_ROWS);
        // The guard sits in an outer query: an alias named like a column would change the WHERE clause too.
        return b.build("export", "SELECT " + FORMULA_SAFE_COLUMNS + "\nFROM (SELECT " + EXPORT_COLUMNS + "\nFROM "
                + CALL_LOG + "\n" + b.whereClause() + "\nORDER BY request_sent_at DESC, call_id LIMIT {limit:UInt32})");
    }

    private static String formulaSafe(String column) {
        return FREE_TEXT.contains(column)
                ? "if(substring(" + column + ", 1, 1) IN ('=', '+', '-', '@', '\\t', '\\r'), concat('''', " + column + "), "
                        + column + ") AS " + column
                : column;
    }

    private static SqlQuery rates(String name, String column, CallFilter filter, int limit) {
        SqlQuery.Builder b = rollups(filter.wholeMinutes()).bind("limit", "UInt32", limit);
        // Aliases differ from the columns: "sum(calls) AS calls" would make a later sum(calls) a sum of sums.
        return b.build(name, "SELECT name, c AS calls, f AS failures, round(1 - f / c, 4) AS successRate FROM (\n"
                + "  SELECT " + column + " AS name, sum(calls) AS c, sum(failures) AS f FROM " + ROLLUPS + "\n"
                + b.whereClause() + "\n  GROUP BY name)\nORDER BY c DESC, name LIMIT {limit:UInt32}");
    }

    /** The rollups' conditions: time on whole minutes, and the keys they are rolled up by. */
    private static SqlQuery.Builder rollups(CallFilter f) {
        return new SqlQuery.Builder()
                .where("minute >= {from:" + TIME + "}", "from", TIME, time(f.from()))
                .where("minute < {to:" + TIME + "}", "to", TIME, time(f.to()))
                .where("service = {service:String}", "service", "String", escaped(f.service()))
                .where("provider_agency = {provider:String}", "provider", "String", escaped(f.provider()))
                .where("consumer_agency = {consumer:String}", "consumer", "String", escaped(f.consumer()))
                .where("method = {method:String}", "method", "String", escaped(f.method()))
                .where("outcome = {outcome:String}", "outcome", "String", f.outcome());
    }

    /** The call log's conditions: every field of the filter. */
    private static SqlQuery.Builder callLog(CallFilter f) {
        return new SqlQuery.Builder()
                .where("request_sent_at >= {from:" + TIME + "}", "from", TIME, time(f.from()))
                .where("request_sent_at < {to:" + TIME + "}", "to", TIME, time(f.to()))
                .where("service = {service:String}", "service", "String", escaped(f.service()))
                .where("provider_agency = {provider:String}", "provider", "String", escaped(f.provider()))
                .where("consumer_agency = {consumer:String}", "consumer", "String", escaped(f.consumer()))
                .where("end_user = {user:String}", "user", "String", escaped(f.user()))
                .where("client_ip = {ip:String}", "ip", "String", escaped(f.ip()))
                .where("positionCaseInsensitiveUTF8(device, {device:String}) > 0", "device", "String", escaped(f.device()))
                .where("method = {method:String}", "method", "String", escaped(f.method()))
                .where("outcome = {outcome:String}", "outcome", "String", f.outcome());
    }

    private static String time(Instant instant) {
        return CLICKHOUSE_TIME.format(instant);
    }

    private static String escaped(String value) {
        return value == null ? null : SqlQuery.escape(value);
    }
}

package gov.gsb.analytics.query;

import gov.gsb.analytics.query.Rows.Call;
import gov.gsb.analytics.query.Rows.Count;
import gov.gsb.analytics.query.Rows.ErrorCount;
import gov.gsb.analytics.query.Rows.Latency;
import gov.gsb.analytics.query.Rows.LatencyPoint;
import gov.gsb.analytics.query.Rows.Point;
import gov.gsb.analytics.query.Rows.Rate;
import gov.gsb.analytics.query.Rows.Totals;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dashboards' data: an overview (its queries run at once), a page of the call log, a CSV export. Framework-free,
 * so the benchmark measures exactly what the service runs.
 */
public final class Dashboards {

    /** Services in the overview's top list. */
    public static final int TOP_SERVICES = 10;

    private final ClickHouseHttp clickhouse;

    /** @param clickhouse where the tables are */
    public Dashboards(ClickHouseHttp clickhouse) {
        this.clickhouse = clickhouse;
    }

    /**
     * Everything an overview (or a service's or agency's page) shows.
     *
     * @param from the first minute counted
     * @param to the end of the last minute counted
     * @param bucketSeconds the width of the charts' time buckets
     * @param totals calls and failures
     * @param series calls per bucket, success and failure (every bucket, empty ones as zero)
     * @param providers per provider agency
     * @param consumers per consumer agency
     * @param services the busiest services
     * @param errors per error code and outcome
     * @param latency the quantiles over the range
     * @param latencySeries the quantiles per bucket
     */
    public record Overview(Instant from, Instant to, long bucketSeconds, Totals totals, List<Point> series,
                           List<Rate> providers, List<Rate> consumers, List<Rate> services, List<ErrorCount> errors,
                           Latency latency, List<LatencyPoint> latencySeries) {
    }

    /**
     * A page of the call log.
     *
     * @param total the calls matching the filter
     * @param page this page (from 1)
     * @param size rows per page
     * @param calls the page's calls, newest first
     */
    public record SearchResult(long total, int page, int size, List<Call> calls) {
        /** @return the number of pages (at least 1) */
        public long pages() {
            return Math.max(1, (total + size - 1) / size);
        }
    }

    /**
     * @throws ClickHouseException if ClickHouse is away (retriable) or refuses a query (fatal)
     */
    public Overview overview(CallFilter filter) {
        CallFilter minutes = filter.wholeMinutes();
        var totals = clickhouse.rowsAsync(DashboardQueries.totals(filter), Totals.class);
        var series = clickhouse.rowsAsync(DashboardQueries.series(filter), Point.class);
        var providers = clickhouse.rowsAsync(DashboardQueries.byProvider(filter), Rate.class);
        var consumers = clickhouse.rowsAsync(DashboardQueries.byConsumer(filter), Rate.class);
        var services = clickhouse.rowsAsync(DashboardQueries.topServices(filter, TOP_SERVICES), Rate.class);
        var errors = clickhouse.rowsAsync(DashboardQueries.errorCodes(filter), ErrorCount.class);
        var latency = clickhouse.rowsAsync(DashboardQueries.latency(filter), Latency.class);
        var latencySeries = clickhouse.rowsAsync(DashboardQueries.latencySeries(filter), LatencyPoint.class);
        long step = filter.bucket().toSeconds();
        return new Overview(minutes.from(), minutes.to(), step,
                join(totals).stream().findFirst().orElse(new Totals(0, 0)),
                fill(join(series), minutes, step, Point::t, t -> new Point(t, 0, 0)),
                join(providers), join(consumers), join(services), join(errors),
                join(latency).stream().findFirst().orElse(new Latency(0, null, null, null)),
                join(latencySeries));
    }

    /** @throws ClickHouseException if ClickHouse is away (retriable) or refuses a query (fatal) */
    public SearchResult search(CallFilter filter, PageRequest page) {
        var count = clickhouse.rowsAsync(DashboardQueries.count(filter), Count.class);
        var calls = clickhouse.rowsAsync(DashboardQueries.search(filter, page), Call.class);
        return new SearchResult(join(count).get(0).total(), page.page(), page.size(), join(calls));
    }

    /**
     * @return the matching calls as CSV with a header line, streamed from ClickHouse (close it)
     * @throws ClickHouseException if ClickHouse is away (retriable) or refuses the query (fatal)
     */
    public InputStream exportCsv(CallFilter filter) {
        return clickhouse.stream(DashboardQueries.export(filter), "CSVWithNames");
    }

    /** Every bucket of the range, those without calls as zero, so a chart's time axis has no holes. */
    static <T> List<T> fill(List<T> rows, CallFilter range, long stepSeconds, Function<T, Long> time,
                            Function<Long, T> empty) {
        Map<Long, T> byTime = rows.stream().collect(Collectors.toMap(time, r -> r, (a, b) -> a));
        long stepMs = stepSeconds * 1000;
        long first = Math.floorDiv(range.from().toEpochMilli(), stepMs) * stepMs;
        List<T> out = new ArrayList<>();
        for (long t = first; t < range.to().toEpochMilli(); t += stepMs) {
            out.add(byTime.getOrDefault(t, empty.apply(t)));
        }
        return out;
    }

    private static <T> List<T> join(CompletableFuture<List<T>> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof ClickHouseException c ? c : new ClickHouseException(String.valueOf(e.getCause()), false, e);
        }
    }
}

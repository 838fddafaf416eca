package gov.gsb.benchmarks;

import gov.gsb.analytics.query.CallFilter;
import gov.gsb.analytics.query.ClickHouseHttp;
import gov.gsb.analytics.query.DashboardQueries;
import gov.gsb.analytics.query.Dashboards;
import gov.gsb.analytics.query.PageRequest;
import gov.gsb.analytics.query.SqlQuery;
import gov.gsb.clickhouse.Migrations;
import gov.gsb.devstack.ClickHouseServer;
import gov.gsb.devstack.junit.TestServers;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The dashboards' queries on 10 million calls: the analytics service's own query classes
 * ({@link DashboardQueries}, {@link ClickHouseHttp}) against a real ClickHouse 26.7 (devstack's), timed one by one.
 *
 * <p>Data: {@code INSERT INTO calls SELECT ... FROM numbers(...)} generates the call log inside ClickHouse, spread
 * evenly over the last {@code days} days: 20 services of 6 provider agencies, 7 consumer agencies, the four kinds,
 * outcomes 95 % SUCCESS, 3 % FAILURE, 1 % DENIED, 0.7 % TIMEOUT, 0.3 % INVALID (each with its error code), a
 * long-tailed latency (5 ms to 3 s), 100,000 end users, random IPs, 8 devices, UUID call ids. The per-minute
 * rollups are then computed from it with {@code INSERT INTO calls_per_minute SELECT ... GROUP BY} (what the stream
 * processors would have written). Background merges are left to settle before measuring; queries use FINAL as the
 * service does.
 *
 * <pre>{@code
 * mvn -q -B -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/gsb-benchmarks.jar gov.gsb.benchmarks.DashboardBenchmark 10000000 30 7
 *                                                                         rows ─┘  runs ─┘  └─ days
 * }</pre>
 */
public final class DashboardBenchmark {

    private static final long INSERT_CHUNK = 2_000_000;

    private final ClickHouseServer server = TestServers.clickhouse();
    private final String database = "bench_dash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final long rows;
    private final int runs;
    private final int days;
    private String ipSearched;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);

    private DashboardBenchmark(long rows, int runs, int days) {
        this.rows = rows;
        this.runs = runs;
        this.days = days;
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        try {
            new DashboardBenchmark(rows, runs, days).run();
        } finally {
            TestServers.stopAll();
        }
    }

    private void run() throws Exception {
        System.out.printf("ClickHouse %s, database %s, %,d calls over %d days, %d runs per query, %d cores%n",
                server.httpUrl(), database, rows, days, runs, Runtime.getRuntime().availableProcessors());
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "default", "")) {
            exec(c, "CREATE DATABASE IF NOT EXISTS " + database);
        }
        try (Connection c = DriverManager.getConnection(server.jdbcUrl().replace("/default", "/" + database), "default", "")) {
            Migrations.apply(c);
            load(c);
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT client_ip FROM calls "
                    + "WHERE request_sent_at >= now() - INTERVAL 1 HOUR ORDER BY call_id LIMIT 1")) {
                r.next();
                ipSearched = r.getString(1); // IPs are random: a fixed one would find nothing, which is quick
            }
        }
        ClickHouseHttp clickhouse = new ClickHouseHttp(URI.create(server.httpUrl()), database, "default", "",
                Duration.ofSeconds(60));
        measure(clickhouse);
    }

    private void load(Connection c) throws Exception {
        long t0 = System.nanoTime();
        long spanMs = days * 86_400_000L;
        for (long start = 0; start < rows; start += INSERT_CHUNK) {
            long n = Math.min(INSERT_CHUNK, rows - start);
            exec(c, insertCalls(start, n, spanMs));
        }
        long t1 = System.nanoTime();
        for (int day = 0; day <= days; day++) {
            exec(c, "INSERT INTO calls_per_minute SELECT toStartOfMinute(request_sent_at) AS minute, provider_agency, "
                    + "consumer_agency, service, method, kind, outcome, count() AS calls, countIf(outcome != 'SUCCESS'), "
                    + "sum(ifNull(latency_ms, 0)), max(ifNull(latency_ms, 0)), quantile(0.5)(latency_ms), "
                    + "quantile(0.95)(latency_ms), quantile(0.99)(latency_ms), count() AS version FROM calls "
                    + "WHERE toDate(request_sent_at) = today() - " + (days - day)
                    + " GROUP BY minute, provider_agency, consumer_agency, service, method, kind, outcome");
        }
        long t2 = System.nanoTime();
        awaitMerges(c);
        System.out.printf("loaded %,d calls in %.1f s, rolled up into %,d rows in %.1f s; parts now: calls %d, "
                        + "calls_per_minute %d (merges settled after %.1f s)%n", count(c, "SELECT count() FROM calls"),
                (t1 - t0) / 1e9, count(c, "SELECT count() FROM calls_per_minute"), (t2 - t1) / 1e9,
                count(c, parts("calls")), count(c, parts("calls_per_minute")), (System.nanoTime() - t2) / 1e9);
    }

    /** Realistic calls, generated by ClickHouse itself; each column a deterministic function of the row number. */
    private String insertCalls(long start, long n, long spanMs) {
        String services = "['civil-registry.address-change','civil-registry.birth-record','civil-registry.person-lookup',"
                + "'civil-registry.marriage-record','tax.income-check','tax.returns','tax.refund','tax.debt-status',"
                + "'utilities.bill-issued','utilities.meter-reading','utilities.connection-request','health.insurance-check',"
                + "'health.vaccination-record','health.provider-lookup','transport.vehicle-lookup','transport.licence-check',"
                + "'transport.fine-issued','education.diploma-check','education.enrolment','education.grant-status']";
        return "INSERT INTO calls SELECT toString(generateUUIDv4(number)) AS call_id, call_id AS correlation_id, '' AS parent_call_id,"
                + " ['REQUEST','REPLY','PUBLISH','DELIVERY'][1 + cityHash64(number, 2) % 4] AS kind,"
                + " " + services + "[1 + cityHash64(number, 1) % 20] AS service, 1 AS service_version,"
                + " concat(splitByChar('.', service)[2], if(kind IN ('PUBLISH','DELIVERY'), '-event', '')) AS method,"
                + " splitByChar('.', service)[1] AS provider_agency,"
                + " if(kind = 'PUBLISH', '', ['civil-registry','tax','utilities','health','transport','education','single-window']"
                + "[1 + cityHash64(number, 3) % 7]) AS consumer_agency,"
                + " concat('citizen-', toString(cityHash64(number, 4) % 100000)) AS end_user,"
                + " IPv4NumToString(toUInt32(cityHash64(number, 5) % 4294967296)) AS client_ip,"
                + " ['Firefox 140','Chrome 141','Safari 18 (iPhone)','Edge 141','GSB mobile 2.3','GSB mobile 2.4',"
                + "'curl/8.5','Java-http-client/17'][1 + cityHash64(number, 6) % 8] AS device,"
                + " 'gsb-java/0.1.0' AS sdk_version, concat('gsb.', service) AS topic, toInt32(number % 12) AS partition,"
                + " toInt64(number) AS offset, 1 AS attempt,"
                + " toDateTime64('" + now.minusMillis(spanMs).toString().replace("T", " ").replace("Z", "")
                + "', 3, 'UTC') + toIntervalMillisecond(intDiv(number * " + spanMs + ", " + rows + ")) AS request_sent_at,"
                + " request_sent_at + toIntervalMillisecond(latency_ms) AS request_received_at,"
                + " if(kind = 'REQUEST', request_received_at, NULL) AS reply_sent_at,"
                + " if(kind = 'REQUEST', request_received_at, NULL) AS reply_received_at,"
                + " multiIf(h < 9500, 'SUCCESS', h < 9800, 'FAILURE', h < 9900, 'DENIED', h < 9970, 'TIMEOUT', 'INVALID') AS outcome,"
                + " multiIf(h < 9500, '', h < 9650, 'BACKEND_DOWN', h < 9800, 'INTERNAL_ERROR', h < 9900, 'NOT_AUTHORIZED',"
                + " h < 9970, 'NO_REPLY', 'SCHEMA_MISMATCH') AS error_code, if(error_code = '', '', concat('failed: ', error_code)) AS error_message,"
                + " toUInt32(200 + cityHash64(number, 8) % 2000) AS request_bytes, if(kind = 'REQUEST', toUInt32(100 + cityHash64(number, 9) % 900), NULL) AS reply_bytes,"
                + " toUInt32(5 + pow((cityHash64(number, 10) % 10000) / 10000, 4) * 3000) AS latency_ms,"
                + " toInt32(number % 12) AS source_partition, toInt64(number) AS source_offset,"
                + " bitShiftLeft(toUInt64(number % 12), 48) + number AS source_position"
                + " FROM (SELECT number, cityHash64(number, 11) % 10000 AS h FROM numbers(" + start + ", " + n + "))";
    }

    private void measure(ClickHouseHttp clickhouse) {
        Clock clock = Clock.systemUTC();
        CallFilter day = CallFilter.parse(Map.of(), clock);
        CallFilter week = CallFilter.parse(Map.of("from", now.minus(Duration.ofDays(7)).toString(), "to", now.toString()), clock);
        CallFilter service = CallFilter.parse(Map.of("service", "tax.income-check"), clock);
        CallFilter agency = CallFilter.parse(Map.of("consumer", "single-window"), clock);
        Map<String, Supplier<SqlQuery>> queries = new LinkedHashMap<>();
        overviewQueries(queries, "24h", day);
        overviewQueries(queries, "7d", week);
        overviewQueries(queries, "service 24h", service);
        queries.put("agency 24h: totals", () -> DashboardQueries.totals(agency));
        queries.put("agency 24h: series", () -> DashboardQueries.series(agency));
        queries.put("search 24h: count", () -> DashboardQueries.count(day));
        queries.put("search 24h: page 1", () -> DashboardQueries.search(day, new PageRequest(1, 50)));
        queries.put("search 24h: page 20", () -> DashboardQueries.search(day, new PageRequest(20, 50)));
        CallFilter byUser = CallFilter.parse(Map.of("user", "citizen-4242"), clock);
        CallFilter byIp = CallFilter.parse(Map.of("ip", ipSearched), clock);
        CallFilter byIpWeek = CallFilter.parse(Map.of("ip", ipSearched, "from", week.from().toString(),
                "to", week.to().toString()), clock);
        CallFilter byUserWeek = CallFilter.parse(Map.of("user", "citizen-4242", "from", week.from().toString(),
                "to", week.to().toString()), clock);
        queries.put("search 24h by user: count", () -> DashboardQueries.count(byUser));
        queries.put("search 24h by user: page", () -> DashboardQueries.search(byUser, new PageRequest(1, 50)));
        queries.put("search 24h by ip: page", () -> DashboardQueries.search(byIp, new PageRequest(1, 50)));
        queries.put("search 7d by user: count", () -> DashboardQueries.count(byUserWeek));
        queries.put("search 7d by user: page", () -> DashboardQueries.search(byUserWeek, new PageRequest(1, 50)));
        queries.put("search 7d by ip: page", () -> DashboardQueries.search(byIpWeek, new PageRequest(1, 50)));

        System.out.printf("%n| query | p50 ms | p95 ms | max ms | rows |%n|---|---:|---:|---:|---:|%n");
        for (Map.Entry<String, Supplier<SqlQuery>> q : queries.entrySet()) {
            SqlQuery query = q.getValue().get();
            int[] answered = new int[1];
            report(q.getKey(), time(() -> answered[0] = clickhouse.rows(query, Map.class).size()), answered[0]);
        }
        Dashboards dashboards = new Dashboards(clickhouse);
        report("whole overview 24h (8 queries at once)", time(() -> dashboards.overview(day)), 1);
        report("whole overview 7d (8 queries at once)", time(() -> dashboards.overview(week)), 1);
    }

    private static void overviewQueries(Map<String, Supplier<SqlQuery>> queries, String label, CallFilter f) {
        queries.put(label + ": totals", () -> DashboardQueries.totals(f));
        queries.put(label + ": series", () -> DashboardQueries.series(f));
        queries.put(label + ": providers", () -> DashboardQueries.byProvider(f));
        queries.put(label + ": consumers", () -> DashboardQueries.byConsumer(f));
        queries.put(label + ": top services", () -> DashboardQueries.topServices(f, Dashboards.TOP_SERVICES));
        queries.put(label + ": error codes", () -> DashboardQueries.errorCodes(f));
        queries.put(label + ": latency", () -> DashboardQueries.latency(f));
        queries.put(label + ": latency series", () -> DashboardQueries.latencySeries(f));
    }

    /** @return the milliseconds of each of {@code runs} runs, after two warm-up runs */
    private double[] time(Runnable query) {
        query.run();
        query.run();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            query.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void report(String name, double[] sorted, int rows) {
        System.out.printf("| %s | %.0f | %.0f | %.0f | %d |%n", name, percentile(sorted, 50), percentile(sorted, 95),
                sorted[sorted.length - 1], rows);
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void awaitMerges(Connection c) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline && count(c, "SELECT count() FROM system.merges WHERE database = currentDatabase()") > 0) {
            Thread.sleep(1000);
        }
        Thread.sleep(3000);
    }

    private static String parts(String table) {
        return "SELECT count() FROM system.parts WHERE database = currentDatabase() AND table = '" + table + "' AND active";
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    private static void exec(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

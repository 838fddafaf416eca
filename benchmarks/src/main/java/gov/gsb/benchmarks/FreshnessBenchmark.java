package gov.gsb.benchmarks;

import gov.gsb.processors.StreamProcessors;
import gov.gsb.producer.GsbPublisher;
import gov.gsb.producer.PublishReceipt;
import gov.gsb.sample.utilities.BillIssued;
import gov.gsb.schemas.Samples;
import gov.gsb.sdk.Service;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;

/**
 * Freshness: how long from a call until it shows in ClickHouse, at a steady rate of calls through the SDK (each
 * publish writes its CallRecord to gsb.calls; the processors run in this JVM with their defaults, 1 s commits).
 * <ul>
 *   <li>call log: every 10th call is looked up by id ({@code SELECT call_id FROM calls WHERE service = ? AND call_id
 *       IN (...)}, the primary key) every 50 ms; its freshness is the time from the publish to the first query that
 *       finds it;</li>
 *   <li>rollups: the dashboard's count ({@code SELECT sum(calls) FROM calls_per_minute FINAL WHERE provider_agency =
 *       ?}) every 100 ms; the n-th call's freshness is the time from its publish to the first count of n or more.</li>
 * </ul>
 *
 * <pre>{@code
 * java -Xmx3g -cp benchmarks/target/gsb-benchmarks.jar gov.gsb.benchmarks.FreshnessBenchmark 2000 60
 *                                                                         calls/s ─┘    └─ seconds measured
 * }</pre>
 * A 10 s warm-up at the same rate comes first. Progress is printed every second.
 */
public final class FreshnessBenchmark {

    private static final int SAMPLE_EVERY = 10;
    private static final int WARM_UP_SECONDS = 10;

    private final StatsBench bench = new StatsBench();
    private final Service service = bench.bus.eventService("bill-issued", 3);
    private final BillIssued bill = Samples.billIssued();
    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    private final Histogram callLog = new Histogram(3_600_000L, 3);
    private final Histogram rollups = new Histogram(3_600_000L, 3);
    private final AtomicBoolean measuring = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final int rate;
    private final int seconds;
    private final AtomicLongArray sentAt;
    private long counted; // calls the rollups count so far (the rollup poller's own)

    private FreshnessBenchmark(int rate, int seconds) {
        this.rate = rate;
        this.seconds = seconds;
        this.sentAt = new AtomicLongArray(rate * (seconds + WARM_UP_SECONDS + 5));
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        System.out.printf("GSB freshness benchmark: %d calls/s for %d s (after %d s of warm-up); starting the broker, "
                + "the registry and ClickHouse...%n", rate, seconds, WARM_UP_SECONDS);
        new FreshnessBenchmark(rate, seconds).run();
        System.exit(0);
    }

    private void run() throws Exception {
        try (StreamProcessors processors = bench.startProcessors("gsb.calls", 1); GsbPublisher publisher = bench.bus.publisher()) {
            Thread callLogPoller = poller("call-log-poller", 50, this::pollCallLog);
            Thread rollupPoller = poller("rollup-poller", 100, this::pollRollups);
            long sent = 0;
            long start = System.nanoTime();
            for (int second = 0; second < WARM_UP_SECONDS + seconds; second++) {
                measuring.set(second >= WARM_UP_SECONDS);
                sent = sendForOneSecond(publisher, start, second, sent);
                System.out.printf("  %s %3d s: %,d calls; call log p95 %s ms; rollups p95 %s ms; load %.1f%n",
                        second < WARM_UP_SECONDS ? "warm-up" : "measure", second + 1, sent,
                        p95(callLog), p95(rollups), StatsBench.load());
            }
            measuring.set(true);
            StatsBench.sleep(10_000); // let the last samples arrive
            running.set(false);
            callLogPoller.join();
            rollupPoller.join();
            report();
        }
    }

    /** Publishes one second's calls in 10 ms steps, on the intended schedule (a stall is not hidden). */
    private long sendForOneSecond(GsbPublisher publisher, long start, int second, long sent) {
        for (int tick = 0; tick < 100; tick++) {
            long due = start + (second * 1_000L + tick * 10L) * 1_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                StatsBench.sleep(wait / 1_000_000);
            }
            for (int i = 0; i < rate / 100; i++) {
                long index = sent++;
                long now = System.currentTimeMillis();
                sentAt.set((int) index, now);
                boolean sample = index % SAMPLE_EVERY == 0;
                publisher.publish(service.name(), "customer-" + index, bill, gov.gsb.sdk.CallContext.none())
                        .thenAccept(receipt -> sampled(sample, receipt, now));
            }
        }
        return sent;
    }

    private void sampled(boolean sample, PublishReceipt receipt, long sentAtMillis) {
        if (sample) {
            pending.put(receipt.callId(), sentAtMillis);
        }
    }

    private void pollCallLog() throws SQLException {
        List<String> ids = new ArrayList<>(pending.keySet());
        if (ids.isEmpty()) {
            return;
        }
        String sql = "SELECT call_id FROM calls WHERE service = ? AND call_id IN ('" + String.join("','", ids) + "')";
        try (PreparedStatement p = bench.clickhouse().prepareStatement(sql)) {
            p.setString(1, service.toString());
            try (ResultSet r = p.executeQuery()) {
                long now = System.currentTimeMillis();
                while (r.next()) {
                    Long sent = pending.remove(r.getString(1));
                    if (sent != null && measuring.get()) {
                        callLog.recordValue(Math.max(0, now - sent));
                    }
                }
            }
        }
    }

    private void pollRollups() throws SQLException {
        long count = bench.count("SELECT sum(calls) FROM calls_per_minute FINAL WHERE provider_agency = '"
                + service.provider() + "' AND kind = 'PUBLISH'");
        long now = System.currentTimeMillis();
        for (; counted < count && counted < sentAt.length(); counted++) {
            if (measuring.get() && counted >= (long) rate * WARM_UP_SECONDS) {
                rollups.recordValue(Math.max(0, now - sentAt.get((int) counted)));
            }
        }
    }

    private Thread poller(String name, long everyMillis, SqlAction action) {
        Thread t = new Thread(() -> {
            while (running.get()) {
                try {
                    action.run();
                } catch (SQLException e) {
                    System.out.println("  query failed: " + e.getMessage());
                }
                StatsBench.sleep(everyMillis);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }

    private static String p95(Histogram h) {
        return h.getTotalCount() == 0 ? "-" : Long.toString(h.getValueAtPercentile(95));
    }

    private void report() {
        System.out.printf("%nfreshness at %d calls/s over %d s (ms from the publish to the row in a query):%n", rate, seconds);
        System.out.println("                 samples      p50      p95      p99      max");
        for (Map.Entry<String, Histogram> e : Map.of("call log", callLog, "rollups", rollups).entrySet()) {
            Histogram h = e.getValue();
            System.out.printf("  %-12s %10d %8d %8d %8d %8d%n", e.getKey(), h.getTotalCount(), h.getValueAtPercentile(50),
                    h.getValueAtPercentile(95), h.getValueAtPercentile(99), h.getMaxValue());
        }
        System.out.printf("calls not seen in the call log at the end: %d (load average %.1f)%n", pending.size(),
                StatsBench.load());
    }
}

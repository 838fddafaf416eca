package gov.gsb.demo;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs, every few seconds, one line of what the citizens saw and what it did to the agencies, so
 * that {@code ./gsb logs demo} shows the bus at work without a line per call.
 */
final class Summary implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Summary.class);

    private final Demo demo;
    private final Duration every;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-summary");
        t.setDaemon(true);
        return t;
    });

    Summary(Demo demo, Duration every) {
        this.demo = demo;
        this.every = every;
    }

    Summary start() {
        timer.scheduleAtFixedRate(() -> LOG.info("{}", line(demo.stats(), registerSize())), every.toMillis(),
                every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private int registerSize() {
        return demo.tax() == null ? 0 : demo.tax().register().size();
    }

    /** e.g. {@code 143 calls: SUCCESS 131, INVALID_POSTAL_CODE 6, ... | tax register 38, dead letters 1, bills held back 1} */
    static String line(Stats stats, int taxRegister) {
        Map<String, Long> byResult = new TreeMap<>();
        long total = 0;
        for (var e : stats.snapshot().getOrDefault(DemoServices.SINGLE_WINDOW, Map.of()).entrySet()) {
            String result = e.getKey().substring(e.getKey().lastIndexOf('.') + 1);
            byResult.merge(result, e.getValue(), Long::sum);
            total += e.getValue();
        }
        StringBuilder line = new StringBuilder().append(total).append(" calls:");
        byResult.forEach((result, n) -> line.append(' ').append(result).append(' ').append(n).append(','));
        line.setLength(line.length() - (byResult.isEmpty() ? 0 : 1));
        return line.append(" | tax register ").append(taxRegister)
                .append(", dead letters ").append(stats.get(DemoServices.TAX, "address-changed.dead-lettered"))
                .append(", bills held back ").append(stats.get(DemoServices.UTILITIES, "bill-issued.invalid"))
                .toString();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

package gov.gsb.demo;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the demo's agencies did, counted per agency and outcome, e.g. {@code single-window} /
 * {@code address-change.INVALID_POSTAL_CODE}. Thread-safe; served as JSON on {@code /stats}.
 *
 * <p>Outcomes are {@code <service>.<result>}: the single window counts each call's result as it saw
 * it ({@code SUCCESS}, a reply's status such as {@code DECLINED}, or the SDK's error code such as
 * {@code TIMEOUT}); a provider or subscriber counts what its handler did ({@code accepted},
 * {@code failed-try}, ...).
 */
public final class Stats {

    private final ConcurrentMap<String, ConcurrentMap<String, LongAdder>> counts = new ConcurrentHashMap<>();

    /**
     * @param agency the agency
     * @param outcome what happened, {@code <service>.<result>}
     */
    public void count(String agency, String outcome) {
        counts.computeIfAbsent(agency, a -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, o -> new LongAdder()).increment();
    }

    /**
     * @param agency the agency
     * @param outcome the outcome
     * @return how often it happened so far
     */
    public long get(String agency, String outcome) {
        LongAdder n = counts.getOrDefault(agency, new ConcurrentHashMap<>()).get(outcome);
        return n == null ? 0 : n.sum();
    }

    /** @return every count so far, sorted by agency and outcome */
    public Map<String, Map<String, Long>> snapshot() {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        counts.forEach((agency, outcomes) -> {
            Map<String, Long> o = new TreeMap<>();
            outcomes.forEach((name, n) -> o.put(name, n.sum()));
            copy.put(agency, o);
        });
        return copy;
    }

    /**
     * @param header extra top-level numbers (e.g. the uptime), written first
     * @return the counts as JSON: {@code {...header, "agencies": {"tax": {"address-changed.registered": 12}}}}
     */
    public String toJson(Map<String, ? extends Number> header) {
        StringBuilder json = new StringBuilder("{");
        header.forEach((k, v) -> json.append(quote(k)).append(':').append(v).append(','));
        json.append("\"agencies\":{");
        String agencySep = "";
        for (var agency : snapshot().entrySet()) {
            json.append(agencySep).append(quote(agency.getKey())).append(":{");
            String sep = "";
            for (var outcome : agency.getValue().entrySet()) {
                json.append(sep).append(quote(outcome.getKey())).append(':').append(outcome.getValue());
                sep = ",";
            }
            json.append('}');
            agencySep = ",";
        }
        return json.append("}}").toString();
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}

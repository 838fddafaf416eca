package gov.gsb.benchmarks;

import gov.gsb.sdk.GsbHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Where a composite call's time goes: two observers read every message of the run's topics, one uncommitted (when
 * each message was written: its timestamp) and one read-committed (when it became visible to the services, who read
 * committed), and each composite call is cut into hops: the orchestrator taking the request, its transaction making
 * the step request visible, the provider answering, and so on. All processes share one clock (one machine).
 */
final class CompositeTimeline implements AutoCloseable {

    /** One message seen: where, its call ids, when it was written, when the observer read it. */
    private record Seen(String topic, String callId, String parent, long written, long seen) {
        /** The same message as seen by the other observer has the same key. */
        String key() {
            return topic + "|" + callId;
        }
    }

    private final Observer written;
    private final Observer visible;

    /** Starts both observers on the topics whose names contain {@code runId}; returns once both are assigned. */
    CompositeTimeline(String bootstrap, String runId) throws InterruptedException {
        written = new Observer(bootstrap, runId, "read_uncommitted");
        visible = new Observer(bootstrap, runId, "read_committed");
    }

    @Override
    public void close() throws InterruptedException {
        written.close();
        visible.close();
    }

    /** Prints p50 / p90 / p99 of each hop over the composite calls seen whole, requested on {@code compositeRequests}. */
    void report(String compositeRequests) {
        Map<String, Seen> visibleAt = new HashMap<>();
        visible.seen.forEach(s -> visibleAt.put(s.key(), s));
        Map<String, List<Seen>> byParent = new HashMap<>();
        Map<String, Seen> byCallId = new HashMap<>();
        List<Seen> requests = new ArrayList<>();
        for (Seen s : written.seen) {
            if (s.topic().equals(compositeRequests)) {
                requests.add(s);
            } else if (s.parent() != null) {
                byParent.computeIfAbsent(s.parent(), k -> new ArrayList<>()).add(s);
            }
            if (s.callId() != null && s.topic().contains(".replies.")) {
                byCallId.put(s.callId(), s);
            }
        }
        Map<String, List<Long>> hops = new LinkedHashMap<>();
        for (Seen request : requests) {
            List<Seen> steps = byParent.getOrDefault(request.callId(), List.of());
            Seen first = steps.stream().filter(s -> s.topic().contains("address-change")).findFirst().orElse(null);
            List<Seen> parallel = steps.stream().filter(s -> s != first).toList();
            Seen answer = byCallId.get(request.callId());
            if (first == null || parallel.size() != 2 || answer == null) {
                continue;
            }
            Seen firstReply = byCallId.get(first.callId());
            List<Seen> parallelReplies = parallel.stream().map(s -> byCallId.get(s.callId())).toList();
            Seen firstVisible = visibleAt.get(first.key());
            Seen answerVisible = visibleAt.get(answer.key());
            if (firstReply == null || parallelReplies.contains(null) || firstVisible == null || answerVisible == null
                    || parallel.stream().anyMatch(s -> !visibleAt.containsKey(s.key()))) {
                continue;
            }
            long parallelSent = parallel.stream().mapToLong(Seen::written).max().orElseThrow();
            long parallelVisible = parallel.stream().mapToLong(s -> visibleAt.get(s.key()).seen())
                    .max().orElseThrow();
            long lastReply = parallelReplies.stream().mapToLong(Seen::written).max().orElseThrow();
            add(hops, "orchestrator takes the request, sends step 1", first.written() - request.written());
            add(hops, "step 1's request committed and visible", firstVisible.seen() - first.written());
            add(hops, "provider 1 reads it and answers", firstReply.written() - firstVisible.seen());
            add(hops, "orchestrator takes the answer, sends steps 2+3", parallelSent - firstReply.written());
            add(hops, "steps 2+3 committed and visible", parallelVisible - parallelSent);
            add(hops, "providers 2+3 read and answer (the later)", lastReply - parallelVisible);
            add(hops, "orchestrator takes the answers, answers", answer.written() - lastReply);
            add(hops, "the answer committed and visible", answerVisible.seen() - answer.written());
            add(hops, "whole call, as the observers saw it", answerVisible.seen() - request.written());
        }
        System.out.printf("where a composite call's time goes (%d calls seen whole, ms):%n", hops.isEmpty() ? 0
                : hops.values().iterator().next().size());
        hops.forEach((hop, values) -> {
            Collections.sort(values);
            System.out.printf("  %-48s p50 %5d  p90 %5d  p99 %5d%n", hop, at(values, 0.50), at(values, 0.90), at(values, 0.99));
        });
    }

    private static void add(Map<String, List<Long>> hops, String hop, long millis) {
        hops.computeIfAbsent(hop, k -> new ArrayList<>()).add(millis);
    }

    private static long at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * q)));
    }

    /** A consumer of its own thread, recording what it reads from now on. */
    private static final class Observer {
        final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
        private final Thread thread;
        private volatile boolean stop;

        Observer(String bootstrap, String runId, String isolation) throws InterruptedException {
            Properties p = new Properties();
            p.put("bootstrap.servers", bootstrap);
            p.put("group.id", "bench-timeline-" + UUID.randomUUID());
            p.put("auto.offset.reset", "latest");
            p.put("isolation.level", isolation);
            CountDownLatch assigned = new CountDownLatch(1);
            thread = new Thread(() -> {
                try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
                    c.subscribe(Pattern.compile("gsb\\..*" + Pattern.quote(runId) + ".*"));
                    while (!stop) {
                        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(50))) {
                            seen.add(new Seen(r.topic(), header(r, GsbHeaders.CALL_ID), header(r, GsbHeaders.PARENT_CALL_ID),
                                    r.timestamp(), System.currentTimeMillis()));
                        }
                        if (!c.assignment().isEmpty()) {
                            assigned.countDown();
                        }
                    }
                }
            }, "bench-timeline-" + isolation);
            thread.start();
            if (!assigned.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the timeline's observer got no partitions in 60 s");
            }
        }

        void close() throws InterruptedException {
            stop = true;
            thread.join();
        }

        private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
            Header h = r.headers().lastHeader(name);
            return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        }
    }
}

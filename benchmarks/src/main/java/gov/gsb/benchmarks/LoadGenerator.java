package gov.gsb.benchmarks;

import gov.gsb.consumer.GsbSubscriber;
import gov.gsb.producer.GsbPublisher;
import gov.gsb.sample.civilregistry.AddressChanged;
import gov.gsb.schemas.Samples;
import gov.gsb.sdk.GsbAvroSerializer;
import gov.gsb.sdk.SchemaRegistry;
import gov.gsb.sdk.Service;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes at a fixed rate through the SDK and through raw Kafka clients, against the same broker
 * process, and compares what a user feels:
 *
 * <ul>
 *   <li>{@code latency}: publish-to-delivery latency (from the intended send time, so a stalled sender
 *       is not hidden), p50 to max, in alternating rounds of raw and SDK; writes an SVG chart;</li>
 *   <li>{@code heap}: the heap retained, after a full GC, by a raw producer at that rate and by the SDK's
 *       publisher (its producer, the CallRecord recorder and its producer) at that rate.</li>
 * </ul>
 *
 * <pre>{@code
 * java -cp benchmarks/target/gsb-benchmarks.jar gov.gsb.benchmarks.LoadGenerator latency 1000 20
 * java -cp benchmarks/target/gsb-benchmarks.jar gov.gsb.benchmarks.LoadGenerator heap 1000 20
 * }</pre>
 * Progress is printed every second.
 */
public final class LoadGenerator {

    private final BenchBus bus = new BenchBus();
    private final Service service = bus.eventService("address-changed", 3);
    private final AddressChanged event = Samples.addressChanged();
    private final int rate;
    private final int seconds;

    private LoadGenerator(int rate, int seconds) {
        this.rate = rate;
        this.seconds = seconds;
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "latency";
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        System.out.printf("GSB load generator: %s at %d messages/s, %d s per round; starting the broker and the registry...%n",
                mode, rate, seconds);
        LoadGenerator generator = new LoadGenerator(rate, seconds);
        if (mode.equals("heap")) {
            generator.heap();
        } else {
            generator.latency();
        }
        System.exit(0);
    }

    // ---- latency -----------------------------------------------------------------------------

    private void latency() throws IOException {
        Histogram raw = new Histogram(3_600_000_000L, 3);
        Histogram sdk = new Histogram(3_600_000_000L, 3);
        for (int round = 1; round <= 2; round++) {
            raw.add(rawRound("raw round " + round));
            sdk.add(sdkRound("sdk round " + round));
        }
        report(raw, sdk);
    }

    private Histogram rawRound(String label) {
        Map<String, Long> intended = new ConcurrentHashMap<>();
        Recorder recorder = new Recorder(3);
        byte[] bytes = new GsbAvroSerializer<AddressChanged>(SchemaRegistry.http(bus.registry.ccompatUrl()), true)
                .serialize(service.topic(), event);
        Properties c = consumerProperties();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(bus.rawProducerProperties(), new StringSerializer(),
                new ByteArraySerializer());
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(service.topic()));
            awaitAssignment(consumer);
            Thread reader = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        consumer.poll(Duration.ofMillis(50)).forEach(r -> delivered(intended, recorder, r.key()));
                    } catch (org.apache.kafka.common.errors.WakeupException | IllegalStateException e) {
                        return;
                    }
                }
            }, "raw-reader");
            reader.setDaemon(true);
            reader.start();
            pace(label, recorder, (key, ignored) -> producer.send(new ProducerRecord<>(service.topic(), key, bytes)), intended);
            consumer.wakeup();
            reader.interrupt();
            join(reader);
        }
        return recorder.getIntervalHistogram();
    }

    private Histogram sdkRound(String label) {
        Map<String, Long> intended = new ConcurrentHashMap<>();
        Recorder recorder = new Recorder(3);
        try (GsbPublisher publisher = bus.publisher();
             GsbSubscriber subscriber = GsbSubscriber.builder().bootstrapServers(bus.broker.bootstrapServers())
                     .agency(bus.agency).group("latency-" + UUID.randomUUID().toString().substring(0, 6))
                     .registryUrl(bus.registry.ccompatUrl()).config("gsb.start.from", "latest")
                     .kafkaProperty("fetch.max.wait.ms", "100").build()
                     .subscribe(service, AddressChanged.class, (e, m) -> delivered(intended, recorder, m.key()))
                     .start()) {
            sleep(3_000); // let the group form before the clock starts
            pace(label, recorder, (key, ignored) -> publisher.publish(service.name(), key, event), intended);
        }
        return recorder.getIntervalHistogram();
    }

    private static void delivered(Map<String, Long> intended, Recorder recorder, String key) {
        Long sentAt = intended.remove(key);
        if (sentAt != null) {
            recorder.recordValue(Math.max(0, (System.nanoTime() - sentAt) / 1_000)); // microseconds
        }
    }

    /** Sends {@code rate} messages a second for the round's seconds; each is due at its intended time. */
    private void pace(String label, Recorder recorder, BiConsumer<String, Long> send, Map<String, Long> intended) {
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        Histogram window = new Histogram(3);
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            String key = label.charAt(0) + "-" + i;
            intended.put(key, due);
            send.accept(key, due);
            if (i % rate == rate - 1) {
                progress(label, i + 1, total, recorder, window);
            }
        }
        sleep(2_000); // the last messages arrive
    }

    private static void progress(String label, long sent, long total, Recorder recorder, Histogram window) {
        Histogram interval = recorder.getIntervalHistogram();
        window.add(interval);
        recorder.reset();
        // Keep the round's histogram: put this second's values back.
        interval.recordedValues().forEach(v -> recorder.recordValueWithCount(v.getValueIteratedTo(), v.getCountAtValueIteratedTo()));
        System.out.printf(Locale.ROOT, "  %-12s %6d/%d sent   delivered so far: p50 %6.2f ms  p99 %6.2f ms%n", label, sent, total,
                window.getValueAtPercentile(50) / 1000.0, window.getValueAtPercentile(99) / 1000.0);
    }

    private void report(Histogram raw, Histogram sdk) throws IOException {
        double[] pcts = {50, 90, 99, 99.9};
        double[] rawMs = new double[pcts.length + 1];
        double[] sdkMs = new double[pcts.length + 1];
        for (int i = 0; i < pcts.length; i++) {
            rawMs[i] = raw.getValueAtPercentile(pcts[i]) / 1000.0;
            sdkMs[i] = sdk.getValueAtPercentile(pcts[i]) / 1000.0;
        }
        rawMs[pcts.length] = raw.getMaxValue() / 1000.0;
        sdkMs[pcts.length] = sdk.getMaxValue() / 1000.0;
        System.out.printf(Locale.ROOT, "%nPublish-to-delivery latency at %d/s (%d + %d messages), ms:%n", rate,
                raw.getTotalCount(), sdk.getTotalCount());
        System.out.printf(Locale.ROOT, "  %-5s %8s %8s %8s %8s %8s%n", "", "p50", "p90", "p99", "p99.9", "max");
        System.out.printf(Locale.ROOT, "  %-5s %8.2f %8.2f %8.2f %8.2f %8.2f%n", "raw", rawMs[0], rawMs[1], rawMs[2], rawMs[3], rawMs[4]);
        System.out.printf(Locale.ROOT, "  %-5s %8.2f %8.2f %8.2f %8.2f %8.2f%n", "sdk", sdkMs[0], sdkMs[1], sdkMs[2], sdkMs[3], sdkMs[4]);
        System.out.printf(Locale.ROOT, "  p99 ratio sdk/raw: %.2f   p50 ratio: %.2f%n", sdkMs[2] / rawMs[2], sdkMs[0] / rawMs[0]);
        Path chart = Path.of("docs", "img", "publish-latency.svg");
        Files.createDirectories(chart.getParent());
        Files.writeString(chart, new SvgBars("Publish-to-delivery latency at " + rate + " msg/s (lower is better)", "ms",
                List.of("p50", "p90", "p99", "p99.9", "max")).series("raw Kafka clients", rawMs).series("GSB SDK", sdkMs).render());
        System.out.println("  chart: " + chart.toAbsolutePath());
    }

    // ---- heap --------------------------------------------------------------------------------

    private void heap() {
        long empty = usedAfterGc();
        long raw;
        byte[] bytes = new GsbAvroSerializer<AddressChanged>(SchemaRegistry.http(bus.registry.ccompatUrl()), true)
                .serialize(service.topic(), event);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(bus.rawProducerProperties(), new StringSerializer(),
                new ByteArraySerializer())) {
            pace("raw", new Recorder(3), (key, ignored) -> producer.send(new ProducerRecord<>(service.topic(), key, bytes)),
                    new DiscardingMap());
            raw = usedAfterGc() - empty;
        }
        long sdk;
        try (GsbPublisher publisher = bus.publisher()) {
            pace("sdk", new Recorder(3), (key, ignored) -> publisher.publish(service.name(), key, event), new DiscardingMap());
            sdk = usedAfterGc() - empty;
        }
        System.out.printf(Locale.ROOT, "%nSteady-state heap retained at %d/s, after a full GC:%n  raw producer  %6.1f MB%n"
                + "  SDK publisher %6.1f MB%n  difference    %6.1f MB (target: at most 16 MB)%n",
                rate, raw / 1e6, sdk / 1e6, (sdk - raw) / 1e6);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The heap mode does not measure delivery: keep nothing per message. */
    private static final class DiscardingMap extends ConcurrentHashMap<String, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long put(String key, Long value) {
            return null;
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Properties consumerProperties() {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bus.broker.bootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "latency-raw-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        return c;
    }

    private static void awaitAssignment(KafkaConsumer<?, ?> consumer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100));
        }
    }

    private static void join(Thread t) {
        try {
            t.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package gov.gsb.benchmarks;

import gov.gsb.bus.CallKind;
import gov.gsb.bus.CallRecord;
import gov.gsb.bus.Outcome;
import gov.gsb.processors.StreamProcessors;
import gov.gsb.schemas.Samples;
import gov.gsb.sdk.GsbAvroDeserializer;
import gov.gsb.sdk.GsbAvroSerializer;
import gov.gsb.sdk.SchemaRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The stream processors' throughput against a raw {@code KafkaConsumer} reading the same topic in the same run.
 * Preloads CallRecords into a topic as a steady stream of traffic would have written them (8 providers, 6
 * consumers, 3 services each, 4 kinds, 80% successes and 4 kinds of failure; sent times advancing evenly over ten
 * minutes, with a few seconds of jitter), then times, one after the other:
 * <ol>
 *   <li>a raw consumer reading them all as bytes;</li>
 *   <li>a raw consumer reading them all and decoding each into a CallRecord (what any reader of call records does);</li>
 *   <li>the processors (exactly-once, started on a fresh database and application id) until ClickHouse holds every
 *       call-log row and the rollups count every call.</li>
 * </ol>
 *
 * <pre>{@code
 * java -Xmx3g -cp benchmarks/target/gsb-benchmarks.jar gov.gsb.benchmarks.ProcessorBenchmark 500000 3 1
 *                                                                   records ─┘  partitions ─┘ └─ stream threads
 * }</pre>
 * Progress is printed every second.
 */
public final class ProcessorBenchmark {

    private final StatsBench bench = new StatsBench();
    private final String topic = "bench.calls." + UUID.randomUUID().toString().substring(0, 6);
    private final int records;

    private ProcessorBenchmark(int records) {
        this.records = records;
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        System.out.printf("GSB processor benchmark: %,d CallRecords, %d partitions, %d stream thread(s); starting the "
                + "broker, the registry and ClickHouse...%n", records, partitions, threads);
        ProcessorBenchmark b = new ProcessorBenchmark(records);
        b.preload(partitions);
        double bytes = b.rawRead("raw consumer, bytes", false);
        double decoded = b.rawRead("raw consumer, decoding", true);
        double processors = b.processors(threads);
        System.out.printf("%nresult: raw bytes %,.0f records/s; raw decoding %,.0f records/s; processors %,.0f records/s%n"
                + "ratio processors/raw bytes = %.2f; processors/raw decoding = %.2f (load average now %.1f)%n",
                bytes, decoded, processors, processors / bytes, processors / decoded, StatsBench.load());
        System.exit(0);
    }

    private void preload(int partitions) throws Exception {
        Properties p = BenchBus.producerTuning();
        p.put("bootstrap.servers", bench.bus.broker.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        GsbAvroSerializer<CallRecord> serializer = new GsbAvroSerializer<>(SchemaRegistry.http(bench.bus.registry.ccompatUrl()), true);
        Random random = new Random(1);
        Instant start = Instant.now().minus(Duration.ofMinutes(10));
        long began = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                Instant sent = start.plusMillis(600_000L * i / records + random.nextInt(4_000) - 2_000);
                producer.send(new ProducerRecord<>(topic, serializer.serialize(topic, call(random, sent))));
                if (i % 100_000 == 0 && i > 0) {
                    System.out.printf("  preloaded %,d%n", i);
                }
            }
        }
        System.out.printf("preloaded %,d CallRecords into %s in %.1f s%n", records, topic, (System.nanoTime() - began) / 1e9);
    }

    /** A call among 8 providers x 6 consumers x 3 services x 4 kinds x 5 outcomes. */
    private static CallRecord call(Random random, Instant sent) {
        String provider = "agency-" + random.nextInt(8);
        Outcome outcome = random.nextInt(10) < 8 ? Outcome.SUCCESS : Outcome.values()[1 + random.nextInt(4)];
        CallKind kind = CallKind.values()[random.nextInt(4)];
        return CallRecord.newBuilder(Samples.callRecord()).setCallId(UUID.randomUUID().toString())
                .setProviderAgency(provider).setConsumerAgency(kind == CallKind.PUBLISH ? null : "agency-c" + random.nextInt(6))
                .setService(provider + ".service-" + random.nextInt(3)).setKind(kind).setOutcome(outcome)
                .setRequestSentAt(sent).setRequestReceivedAt(sent.plusMillis(1 + (long) Math.abs(random.nextGaussian() * 80)))
                .setReplySentAt(null).setReplyReceivedAt(null).build();
    }

    private double rawRead(String label, boolean decode) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bench.bus.broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "raw-" + UUID.randomUUID());
        GsbAvroDeserializer<CallRecord> deserializer =
                new GsbAvroDeserializer<>(SchemaRegistry.http(bench.bus.registry.ccompatUrl()), CallRecord.class);
        long[] read = {0};
        long began = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Progress progress = new Progress(label, () -> read[0]);
            while (read[0] < records) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(100))) {
                    if (decode) {
                        deserializer.deserialize(topic, r.value());
                    }
                    read[0]++;
                }
                progress.maybePrint();
            }
        }
        return finish(label, began);
    }

    private double processors(int threads) throws Exception {
        String label = "processors";
        long began = System.nanoTime();
        try (StreamProcessors ignored = bench.startProcessors(topic, threads)) {
            System.out.printf("  processors started in %.1f s (ClickHouse migrations, topics, Kafka Streams)%n",
                    (System.nanoTime() - began) / 1e9);
            long[] rows = {0, 0};
            Progress progress = new Progress(label + " (call-log rows)", () -> rows[0]);
            while (rows[0] < records || rows[1] < records) {
                StatsBench.sleep(200);
                rows[0] = bench.callLogRows();
                rows[1] = rows[0] < records ? 0 : bench.rolledUpCalls();
                progress.maybePrint();
            }
            return finish(label, began);
        }
    }

    private double finish(String label, long began) {
        double seconds = (System.nanoTime() - began) / 1e9;
        double rate = records / seconds;
        System.out.printf("%s: %,d records in %.2f s = %,.0f records/s%n", label, records, seconds, rate);
        return rate;
    }

    /** Prints how far a phase got, once a second. */
    private static final class Progress {
        private final String label;
        private final LongSupplier done;
        private final long began = System.nanoTime();
        private long next = began + 1_000_000_000L;
        private long last;

        Progress(String label, LongSupplier done) {
            this.label = label;
            this.done = done;
        }

        void maybePrint() {
            long now = System.nanoTime();
            if (now >= next) {
                long d = done.getAsLong();
                System.out.printf("  %s: %,d after %.0f s (%,d/s in the last second, load %.1f)%n", label, d,
                        (now - began) / 1e9, d - last, StatsBench.load());
                last = d;
                next += 1_000_000_000L;
            }
        }
    }
}

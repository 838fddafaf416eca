package gov.gsb.benchmarks;

import gov.gsb.bus.CallKind;
import gov.gsb.bus.CallRecord;
import gov.gsb.bus.Outcome;
import gov.gsb.processors.CallRow;
import gov.gsb.processors.ProcessorSettings;
import gov.gsb.processors.StreamProcessors;
import gov.gsb.processors.Table;
import gov.gsb.processors.internal.Backoff;
import gov.gsb.processors.internal.ClickHouseSetup;
import gov.gsb.processors.internal.ClickHouseTableWriter;
import gov.gsb.schemas.Samples;
import gov.gsb.sdk.GsbAvroDeserializer;
import gov.gsb.sdk.GsbAvroSerializer;
import gov.gsb.sdk.SchemaRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 *   <li>ClickHouse alone: the same records' call-log rows, decoded beforehand, inserted straight into ClickHouse
 *       with the processors' writer (the sink's ceiling on this machine, Kafka not involved);</li>
 *   <li>the processors (exactly-once, started on a fresh database and application id) until ClickHouse holds every
 *       call-log row and the rollups count every call.</li>
 * </ol>
 *
 * <pre>{@code
 * java -Xmx3g -cp benchmarks/target/gsb-benchmarks.jar gov.gsb.benchmarks.ProcessorBenchmark 1000000 3 2 2
 *                                                                  records ─┘ partitions ─┘ │ └─ rounds
 *                                                                                 stream threads ─┘
 * }</pre>
 * Every round but the last is a warm-up (the same four phases, so the JIT has compiled all of them before the
 * measured round); the processors start each round on a fresh database and application id. The processors' rate
 * is given from their start and from their first row in ClickHouse (steady state, without Kafka Streams' start).
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
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        System.out.printf("GSB processor benchmark: %,d CallRecords, %d partitions, %d stream thread(s), %d round(s), the "
                + "last measured; starting the broker, the registry and ClickHouse...%n", records, partitions, threads, rounds);
        ProcessorBenchmark b = new ProcessorBenchmark(records);
        b.preload(partitions);
        double bytes = 0;
        double decoded = 0;
        double[] processors = {0, 0};
        double clickhouse = 0;
        for (int round = 1; round <= rounds; round++) {
            System.out.printf("%nround %d of %d%s%n", round, rounds, round < rounds ? " (warm-up: the JIT compiles what "
                    + "the measured round runs)" : " (measured)");
            bytes = b.rawRead("raw consumer, bytes", false);
            decoded = b.rawRead("raw consumer, decoding", true);
            clickhouse = b.clickhouseAlone(Math.max(2, threads)); // its best here: two inserts at once
            processors = b.processors(threads);
        }
        System.out.printf("%nresult: raw bytes %,.0f records/s; raw decoding %,.0f records/s; ClickHouse alone %,.0f rows/s; "
                        + "processors %,.0f records/s from start, %,.0f records/s from the first row%n"
                        + "ClickHouse alone / raw bytes = %.2f (no processor that stores every record can do better here); "
                        + "processors / ClickHouse alone = %.2f (%.2f from the first row)%n"
                        + "ratio processors/raw bytes = %.2f (%.2f from the first row); processors/raw decoding = %.2f "
                        + "(%.2f from the first row) (load average now %.1f)%n",
                bytes, decoded, clickhouse, processors[0], processors[1], clickhouse / bytes, processors[0] / clickhouse,
                processors[1] / clickhouse, processors[0] / bytes, processors[1] / bytes,
                processors[0] / decoded, processors[1] / decoded, StatsBench.load());
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
        GsbAvroDeserializer<CallRecord> deserializer = deserializer();
        long[] read = {0};
        Progress progress = new Progress(label, () -> read[0]);
        long began = System.nanoTime();
        readAll(r -> {
            if (decode) {
                deserializer.deserialize(topic, r.value());
            }
            read[0]++;
        }, progress::maybePrint);
        return finish(label, began);
    }

    /** Reads the topic from its beginning, each of its records once; {@code afterPoll} runs after every poll. */
    private void readAll(java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each, Runnable afterPoll) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bench.bus.broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "raw-" + UUID.randomUUID());
        long read = 0;
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            while (read < records) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(100))) {
                    each.accept(r);
                    read++;
                }
                afterPoll.run();
            }
        }
    }

    private GsbAvroDeserializer<CallRecord> deserializer() {
        return new GsbAvroDeserializer<>(SchemaRegistry.http(bench.bus.registry.ccompatUrl()), CallRecord.class);
    }

    /**
     * The sink's own ceiling: the same records' call-log rows, decoded beforehand and held in memory, inserted
     * straight into a fresh database with the processors' writer (same batch size, {@code writers} inserts at
     * once). Kafka is not involved; what this takes is ClickHouse's share of the machine at its fastest.
     *
     * @return rows/s
     */
    private double clickhouseAlone(int writers) throws Exception {
        bench.freshDatabase();
        ProcessorSettings settings = bench.processorSettings(topic, writers);
        ClickHouseSetup.prepare(settings, Backoff.until(() -> false));
        List<CallRow> rows = new ArrayList<>(records);
        GsbAvroDeserializer<CallRecord> deserializer = deserializer();
        readAll(r -> rows.add(CallRow.of(deserializer.deserialize(topic, r.value()), r.partition(), r.offset())), () -> { });
        String label = "ClickHouse alone (" + writers + " writer(s), " + settings.batchRows() + " rows per insert)";
        AtomicLong inserted = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long began = System.nanoTime();
        try (ClickHouseTableWriter writer = new ClickHouseTableWriter(settings)) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                done.add(pool.submit(() -> {
                    for (int from; (from = next.getAndAdd(settings.batchRows())) < records; ) {
                        List<CallRow> batch = rows.subList(from, Math.min(records, from + settings.batchRows()));
                        writer.insert(Table.CALLS, batch);
                        inserted.addAndGet(batch.size());
                    }
                    return null;
                }));
            }
            Progress progress = new Progress(label, inserted::get);
            for (Future<?> f : done) {
                while (!f.isDone()) {
                    StatsBench.sleep(50);
                    progress.maybePrint();
                }
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double rate = finish(label, began);
        // Its parts would merge in the background while the processors run, and its rows fill the heap: neither may
        // weigh on the next phase.
        rows.clear();
        bench.dropDatabase();
        System.gc();
        return rate;
    }

    /**
     * @return records/s from the processors' start (topics, ClickHouse migrations, the Streams group forming and its
     *     transactions starting) to the last row, and from the first row in ClickHouse to the last
     */
    private double[] processors(int threads) throws Exception {
        String label = "processors";
        bench.freshDatabase();
        long began = System.nanoTime();
        try (StreamProcessors ignored = bench.startProcessors(topic, threads)) {
            System.out.printf("  processors started in %.1f s (ClickHouse migrations, topics, Kafka Streams)%n",
                    (System.nanoTime() - began) / 1e9);
            long[] rows = {0, 0};
            long firstRow = 0;
            Progress progress = new Progress(label + " (call-log rows)", () -> rows[0]);
            while (rows[0] < records || rows[1] < records) {
                StatsBench.sleep(100);
                rows[0] = bench.callLogRows();
                rows[1] = rows[0] < records ? 0 : bench.rolledUpCalls();
                if (firstRow == 0 && rows[0] > 0) {
                    firstRow = System.nanoTime();
                    System.out.printf("  first call-log row after %.1f s%n", (firstRow - began) / 1e9);
                }
                progress.maybePrint();
            }
            double fromStart = finish(label, began);
            double fromFirstRow = records / ((System.nanoTime() - firstRow) / 1e9);
            System.out.printf("%s from the first row: %,.0f records/s%n", label, fromFirstRow);
            return new double[] {fromStart, fromFirstRow};
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

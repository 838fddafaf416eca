package gov.gsb.benchmarks;

import gov.gsb.bus.CallKind;
import gov.gsb.bus.CallRecord;
import gov.gsb.producer.GsbPublisher;
import gov.gsb.sample.civilregistry.AddressChanged;
import gov.gsb.schemas.Samples;
import gov.gsb.sdk.GsbAvroSerializer;
import gov.gsb.sdk.SchemaRegistry;
import gov.gsb.sdk.Service;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Publish throughput through the SDK (serialize, headers, idempotent send, and a CallRecord per
 * publish to gsb.calls) against a raw KafkaProducer sending the same records' pre-serialized
 * bytes, with the same producer settings, to the same broker (the launcher's broker process).
 *
 * <p>One invocation publishes {@value #BATCH} messages asynchronously and returns once the broker
 * has acknowledged every one of them (a score is messages per second, acknowledged). The SDK's
 * invocation also waits until its CallRecords are no more than one batch behind: a publisher
 * whose records fell ever further behind would be dropping them past its bound, so a score
 * without that wait would not be sustainable.
 *
 * <p>A third score, {@code rawProducerAndCallRecords}, is the raw baseline that puts on the broker what the SDK
 * puts there: each event's bytes, and a pre-serialized CallRecord's bytes on a second producer set as the SDK's
 * recorder is (linger 100 ms, lz4), its records at most one batch behind. Against it, the SDK's own cost shows apart
 * from the cost of recording every call, which the bus requires.
 *
 * <pre>{@code java -jar benchmarks/target/gsb-benchmarks.jar PublishBenchmark -f 1 -wi 3 -i 5 -w 5s -r 5s}</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class PublishBenchmark {

    static final int BATCH = 5_000;

    /** true: the SDK as shipped; false: without CallRecords, to show what they cost. */
    @Param({"true", "false"})
    public boolean callRecords;

    private BenchBus bus;
    private Service service;
    private AddressChanged event;
    private GsbPublisher publisher;
    private Metric callRecordsPending;
    private KafkaProducer<String, byte[]> raw;
    private KafkaProducer<byte[], byte[]> rawCalls;
    private byte[] bytes;
    private byte[] callRecordBytes;
    private Future<?>[] callsSent = new Future<?>[BATCH];
    private Future<?>[] callsSentBefore = new Future<?>[BATCH];
    private String[] keys;
    private final CompletableFuture<?>[] published = new CompletableFuture<?>[BATCH];
    private final Future<?>[] sent = new Future<?>[BATCH];

    @Setup
    public void setUp() {
        bus = new BenchBus();
        service = bus.eventService("address-changed", 3);
        event = Samples.addressChanged();
        publisher = bus.publisher(callRecords);
        publisher.publishAndWait(service.name(), "warm-up", event);
        callRecordsPending = publisher.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("call-records-pending")).map(java.util.Map.Entry::getValue)
                .findFirst().orElse(null);
        // The raw side sends the very bytes the SDK's serializer makes (same size on the wire).
        bytes = new GsbAvroSerializer<AddressChanged>(SchemaRegistry.http(bus.registry.ccompatUrl()), true)
                .serialize(service.topic(), event);
        raw = new KafkaProducer<>(bus.rawProducerProperties(), new StringSerializer(), new ByteArraySerializer());
        CallRecord record = CallRecord.newBuilder(Samples.callRecord()).setKind(CallKind.PUBLISH).setService(service.toString())
                .setTopic(service.topic()).setProviderAgency(bus.agency).setConsumerAgency(null).build();
        callRecordBytes = new GsbAvroSerializer<CallRecord>(SchemaRegistry.http(bus.registry.ccompatUrl()), true)
                .serialize("gsb.calls", record);
        Properties calls = bus.rawProducerProperties();
        calls.put(ProducerConfig.LINGER_MS_CONFIG, "100");
        calls.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        rawCalls = new KafkaProducer<>(calls, new ByteArraySerializer(), new ByteArraySerializer());
        keys = new String[1024];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "citizen-" + i;
        }
    }

    @TearDown
    public void tearDown() {
        publisher.close();
        raw.close();
        rawCalls.close();
    }

    /** Publishes a batch through the SDK; returns once all are acknowledged and their CallRecords keep up. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void sdkPublish() throws InterruptedException {
        for (int i = 0; i < BATCH; i++) {
            published[i] = publisher.publish(service.name(), keys[i & 1023], event).toCompletableFuture();
        }
        CompletableFuture.allOf(published).join();
        while (callRecordsPending != null && ((Number) callRecordsPending.metricValue()).longValue() > BATCH) {
            Thread.sleep(1);
        }
    }

    /** Sends a batch of the same bytes with a raw producer; returns once all are acknowledged. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void rawProducer() throws Exception {
        String topic = service.topic();
        for (int i = 0; i < BATCH; i++) {
            sent[i] = raw.send(new ProducerRecord<>(topic, keys[i & 1023], bytes));
        }
        for (Future<?> f : sent) {
            f.get();
        }
    }

    /**
     * Sends a batch of the same bytes and, on a second producer, a CallRecord's bytes for each; returns once the
     * events are acknowledged and the CallRecords of the batch before are too (at most one batch behind).
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void rawProducerAndCallRecords() throws Exception {
        String topic = service.topic();
        for (int i = 0; i < BATCH; i++) {
            sent[i] = raw.send(new ProducerRecord<>(topic, keys[i & 1023], bytes));
            callsSent[i] = rawCalls.send(new ProducerRecord<>("gsb.calls", null, callRecordBytes));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        if (callsSentBefore[0] != null) {
            for (Future<?> f : callsSentBefore) {
                f.get();
            }
        }
        Future<?>[] swap = callsSentBefore;
        callsSentBefore = callsSent;
        callsSent = swap;
    }
}

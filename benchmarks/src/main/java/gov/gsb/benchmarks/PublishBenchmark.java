package gov.gsb.benchmarks;

import gov.gsb.producer.GsbPublisher;
import gov.gsb.sample.civilregistry.AddressChanged;
import gov.gsb.schemas.Samples;
import gov.gsb.sdk.GsbAvroSerializer;
import gov.gsb.sdk.SchemaRegistry;
import gov.gsb.sdk.Service;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
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
 * Both are asynchronous sends; once the producer's buffer is full a send waits for the broker, so
 * the steady state is what the broker acknowledges.
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

    /** true: the SDK as shipped; false: without CallRecords, to show what they cost. */
    @Param({"true", "false"})
    public boolean callRecords;

    private BenchBus bus;
    private Service service;
    private AddressChanged event;
    private GsbPublisher publisher;
    private KafkaProducer<String, byte[]> raw;
    private byte[] bytes;
    private String[] keys;
    private int next;

    @Setup
    public void setUp() {
        bus = new BenchBus();
        service = bus.eventService("address-changed", 3);
        event = Samples.addressChanged();
        publisher = bus.publisher(callRecords);
        publisher.publishAndWait(service.name(), "warm-up", event);
        // The raw side sends the very bytes the SDK's serializer makes (same size on the wire).
        bytes = new GsbAvroSerializer<AddressChanged>(SchemaRegistry.http(bus.registry.ccompatUrl()), true)
                .serialize(service.topic(), event);
        raw = new KafkaProducer<>(bus.rawProducerProperties(), new StringSerializer(), new ByteArraySerializer());
        keys = new String[1024];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "citizen-" + i;
        }
    }

    @TearDown
    public void tearDown() {
        publisher.close();
        raw.close();
    }

    private String key() {
        next = (next + 1) & 1023;
        return keys[next];
    }

    /** @return the publish's stage (not awaited: sends pipeline as a KafkaProducer's do) */
    @Benchmark
    public Object sdkPublish() {
        return publisher.publish(service.name(), key(), event);
    }

    /** @return the send's future */
    @Benchmark
    public Object rawProducer() {
        return raw.send(new ProducerRecord<>(service.topic(), key(), bytes));
    }
}

package gov.gsb.benchmarks;

import gov.gsb.bus.CallKind;
import gov.gsb.bus.CallRecord;
import gov.gsb.bus.Outcome;
import gov.gsb.devstack.RegistryServer;
import gov.gsb.devstack.junit.TestServers;
import gov.gsb.sdk.GsbAvroSerializer;
import gov.gsb.sdk.SchemaRegistry;
import io.apicurio.registry.serde.Default4ByteIdHandler;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.config.IdOption;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.apicurio.registry.serde.kafka.config.KafkaSerdeConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The serializer's hot path (schema id already cached) on a CallRecord (26 fields, 22 of them set), against plain Avro encoding of
 * the same record (the floor: what any Avro serializer must do) and against Apicurio's AvroKafkaSerializer pre-warmed
 * against a real Apicurio Registry. Results and the command line are in docs/benchmarks.md.
 *
 * <pre>{@code java -jar benchmarks/target/gsb-benchmarks.jar SerializerBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s}</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class SerializerBenchmark {

    private static final String TOPIC = "gsb.calls";

    private CallRecord record;
    private GsbAvroSerializer<CallRecord> gsb;

    /** Our serializer with an in-memory registry, pre-warmed: the id is cached, nothing but encoding remains. */
    @Setup
    public void setUp() {
        record = callRecord();
        gsb = new GsbAvroSerializer<>(SchemaRegistry.inMemory(), true);
        gsb.serialize(TOPIC, record);
    }

    /** @return our wire-format bytes */
    @Benchmark
    public byte[] gsbSerializer() {
        return gsb.serialize(TOPIC, record);
    }

    /** @return plain Avro binary, no header: SpecificDatumWriter into a reused encoder, then toByteArray */
    @Benchmark
    public byte[] plainAvro(PlainAvro plain) throws IOException {
        plain.out.reset();
        plain.writer.write(record, plain.encoder);
        plain.encoder.flush();
        return plain.out.toByteArray();
    }

    /** @return Apicurio's wire-format bytes, its schema already resolved */
    @Benchmark
    public byte[] apicurioSerializer(RealRegistry real) {
        return real.apicurio.serialize(real.topic, record);
    }

    /** @return our bytes with the HTTP registry client in front of the real registry, pre-warmed */
    @Benchmark
    public byte[] gsbSerializerRealRegistry(RealRegistry real) {
        return real.gsb.serialize(real.topic, record);
    }

    /** Plain Avro's reusable parts, one set per thread. */
    @State(Scope.Thread)
    public static class PlainAvro {
        final SpecificDatumWriter<CallRecord> writer = new SpecificDatumWriter<>(CallRecord.class);
        final ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    }

    /** A real Apicurio Registry started for the run (by the devstack, ~15 s), with both serializers warmed on it. */
    @State(Scope.Benchmark)
    public static class RealRegistry {
        final String topic = "gsb.bench-" + UUID.randomUUID().toString().substring(0, 8) + ".calls";
        AvroKafkaSerializer<CallRecord> apicurio;
        GsbAvroSerializer<CallRecord> gsb;

        /** Starts the registry and makes the first, registering call of each serializer. */
        @Setup(Level.Trial)
        public void start() {
            RegistryServer registry = TestServers.registry();
            gsb = new GsbAvroSerializer<>(SchemaRegistry.http(registry.ccompatUrl()), true);
            gsb.serialize(topic, callRecord());
            apicurio = new AvroKafkaSerializer<>();
            Map<String, Object> config = new HashMap<>();
            config.put(SerdeConfig.REGISTRY_URL, registry.ccompatUrl().replace("/apis/ccompat/v7", "/apis/registry/v3"));
            config.put(SerdeConfig.ID_HANDLER, Default4ByteIdHandler.class.getName()); // 4-byte id, as Confluent
            config.put(SerdeConfig.USE_ID, IdOption.contentId.name());                 // the id ccompat hands out
            config.put(KafkaSerdeConfig.ENABLE_HEADERS, false);                        // id in the payload
            config.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, true);
            apicurio.configure(config, false);
            apicurio.serialize(topic, callRecord());
        }

        /** Closes Apicurio's serializer; the registry stops with the JVM. */
        @TearDown(Level.Trial)
        public void stop() {
            apicurio.close();
        }
    }

    static CallRecord callRecord() {
        Instant now = Instant.parse("2025-03-01T09:30:00.123Z");
        return CallRecord.newBuilder()
                .setCallId("5f0c7d1e-2b7a-4c43-9a55-3f1f5e0b9a01")
                .setCorrelationId("9d3b1c2a-7e55-4f0e-8b61-0a2c4d6e8f10")
                .setKind(CallKind.REQUEST)
                .setService("address-change")
                .setServiceVersion(3)
                .setMethod("AddressChangeRequest")
                .setProviderAgency("civilregistry")
                .setConsumerAgency("municipality-north")
                .setEndUser("j.jansen")
                .setClientIp("2001:db8::17")
                .setDevice("Mozilla/5.0 (X11; Linux x86_64)")
                .setSdkVersion("0.1.0")
                .setTopic("gsb.civilregistry.address-change.requests")
                .setPartition(2)
                .setOffset(48_213L)
                .setRequestSentAt(now)
                .setRequestReceivedAt(now.plusMillis(4))
                .setReplySentAt(now.plusMillis(37))
                .setReplyReceivedAt(now.plusMillis(41))
                .setOutcome(Outcome.SUCCESS)
                .setRequestBytes(212)
                .setReplyBytes(64)
                .build();
    }
}

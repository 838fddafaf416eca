package gov.gsb.demo;

import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.bus.CallKind;
import gov.gsb.bus.CallRecord;
import gov.gsb.bus.Outcome;
import gov.gsb.devstack.RegistryServer;
import gov.gsb.devstack.junit.InJvmKafka;
import gov.gsb.devstack.junit.RealServers;
import gov.gsb.sample.civilregistry.Address;
import gov.gsb.sample.civilregistry.AddressChanged;
import gov.gsb.sdk.GsbAvroDeserializer;
import gov.gsb.sdk.SchemaRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole demo for a few seconds against a real broker and registry: every kind of call, with
 * successes and failures, lands on {@code gsb.calls}, and tax's register follows the moves.
 */
@ExtendWith(RealServers.class)
class DemoIT {

    /** A seed whose first {@link #CALLS_SEEN} calls show every kind of trouble ({@code TrafficTest} checks). */
    static final long SEED = 31;
    static final int CALLS_SEEN = 25;
    private static final double RATE = 20;
    private static final Duration AT_MOST = Duration.ofSeconds(25);

    @Test
    void shouldMakeCallsOfEveryKindWithSuccessesAndFailuresAndKeepTaxInStep(InJvmKafka kafka, RegistryServer registry)
            throws Exception {
        DemoSettings settings = DemoSettings.fromEnv(Map.of("GSB_BOOTSTRAP", kafka.bootstrapServers(),
                "GSB_REGISTRY_URL", registry.ccompatUrl(), "GSB_DEMO_RATE", Double.toString(RATE), "GSB_DEMO_PORT", "0",
                "GSB_DEMO_SEED", Long.toString(SEED)));
        Set<String> seen;
        try (Demo demo = new Demo(settings);
             DemoHttp http = DemoHttp.start(0, demo::healthy, demo::statsJson)) {
            demo.start();
            assertThat(get(http, "/health")).isEqualTo(200);

            seen = callsUntilEveryKindFailedAndSucceeded(kafka, registry);
            Map<String, Address> taxRegister = new HashMap<>(demo.tax().register()); // before the moves: tax may not be ahead
            assertTaxFollowsTheMoves(taxRegister, addressChanges(kafka, registry));
            assertThat(demo.statsJson()).contains("\"single-window\":{", "\"civil-registry\":{", "\"tax\":{", "\"utilities\":{");
        }
        assertThat(seen).contains("PUBLISH SUCCESS", "PUBLISH not SUCCESS", "DELIVERY SUCCESS", "DELIVERY not SUCCESS",
                "REQUEST SUCCESS", "REQUEST not SUCCESS", "REPLY SUCCESS", "REPLY not SUCCESS");
        try (Admin admin = kafka.admin()) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).containsAll(DemoTopics.names());
            assertThat(DemoTopics.ensure(admin, Duration.ofSeconds(30))).as("a second run creates nothing").isEmpty();
        }
    }

    /** Every citizen tax knows lives where the civil registry last moved them to (tax may lag, never differ). */
    private static void assertTaxFollowsTheMoves(Map<String, Address> taxRegister, List<AddressChanged> moves) {
        Map<String, Set<Address>> movedTo = new HashMap<>();
        moves.forEach(m -> movedTo.computeIfAbsent(m.getCitizenId(), c -> new HashSet<>()).add(m.getNewAddress()));
        assertThat(taxRegister).isNotEmpty();
        taxRegister.forEach((citizen, address) -> assertThat(movedTo.get(citizen)).contains(address));
    }

    /** Reads gsb.calls until each kind of call was seen with SUCCESS and with another outcome (or time runs out). */
    private static Set<String> callsUntilEveryKindFailedAndSucceeded(InJvmKafka kafka, RegistryServer registry) {
        Set<String> seen = new HashSet<>();
        try (GsbAvroDeserializer<CallRecord> d = new GsbAvroDeserializer<>(SchemaRegistry.http(registry.ccompatUrl()),
                CallRecord.class); KafkaConsumer<byte[], byte[]> c = consumer(kafka)) {
            c.subscribe(List.of(DemoTopics.CALLS));
            long deadline = System.nanoTime() + AT_MOST.toNanos();
            while (seen.size() < 2 * (CallKind.values().length - 1) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    CallRecord call = d.deserialize(r.topic(), r.value());
                    seen.add(call.getKind() + (call.getOutcome() == Outcome.SUCCESS ? " SUCCESS" : " not SUCCESS"));
                }
            }
        }
        return seen;
    }

    /** Every address-changed event published so far: the topic read from its start to its current end. */
    private static List<AddressChanged> addressChanges(InJvmKafka kafka, RegistryServer registry) {
        List<AddressChanged> moves = new ArrayList<>();
        try (GsbAvroDeserializer<AddressChanged> d = new GsbAvroDeserializer<>(SchemaRegistry.http(registry.ccompatUrl()),
                AddressChanged.class); KafkaConsumer<byte[], byte[]> c = consumer(kafka)) {
            List<TopicPartition> partitions = c.partitionsFor(DemoServices.ADDRESS_CHANGED.topic()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = c.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> c.position(p) < ends.get(p))) {
                c.poll(Duration.ofMillis(200)).forEach(r -> moves.add(d.deserialize(r.topic(), r.value())));
            }
        }
        return moves;
    }

    private static KafkaConsumer<byte[], byte[]> consumer(InJvmKafka kafka) {
        Properties p = kafka.clientProperties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "demo-it-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static int get(DemoHttp http, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

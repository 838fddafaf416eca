package gov.gsb.benchmarks;

import gov.gsb.bus.CompositeReply;
import gov.gsb.composites.CompositeDefinition;
import gov.gsb.composites.CompositeDefinitions;
import gov.gsb.composites.DefinitionTopic;
import gov.gsb.composites.Examples;
import gov.gsb.composites.Format;
import gov.gsb.consumer.GsbSubscriber;
import gov.gsb.processors.composite.Orchestrator;
import gov.gsb.processors.composite.OrchestratorSettings;
import gov.gsb.producer.GsbPublisher;
import gov.gsb.sample.civilregistry.AddressChangeReply;
import gov.gsb.sample.civilregistry.AddressChangeRequest;
import gov.gsb.sample.civilregistry.AddressChangeStatus;
import gov.gsb.sample.composite.MoveHouseRequest;
import gov.gsb.sample.tax.TaxAddressReply;
import gov.gsb.sample.tax.TaxAddressRequest;
import gov.gsb.sample.utilities.SupplyTransferReply;
import gov.gsb.sample.utilities.SupplyTransferRequest;
import gov.gsb.schemas.Samples;
import gov.gsb.sdk.SchemaRegistry;
import gov.gsb.sdk.Service;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * A 3-step composite ("moves house": registration, then tax address and supply transfer in parallel) called at a
 * fixed rate, against its three steps called directly at the same rate each, in the same run, on the same broker
 * (the launcher's, as a process of its own), registry, providers (consumer SDK, read-committed) and orchestrator
 * (exactly-once, in this JVM). Open loop: latency counts from when each call was due, so a stall is not hidden.
 *
 * <pre>{@code
 * java -Xmx2g -cp benchmarks/target/gsb-benchmarks.jar gov.gsb.benchmarks.CompositeBenchmark 500 30 30
 *                                        requests/s ─┘   seconds measured ─┘  └─ seconds of warm-up of each path first
 * }</pre>
 */
public final class CompositeBenchmark {

    /** Partitions of every requests and reply topic, and the subscribers each agency serves with. */
    private static final int PARTITIONS = 3;

    private final BenchBus bus = new BenchBus();
    private final String id = bus.agency.substring(6);
    private final Service composite = Service.of("orchestrator", "move-house-" + id);
    private final Service register = Service.of("civil-registry", "address-change-" + id);
    private final Service tax = Service.of("tax", "tax-address-" + id);
    private final Service transfer = Service.of("utilities", "supply-transfer-" + id);
    private final String definitions = "gsb.composites.bench-" + id;

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        System.out.printf("GSB composite benchmark: %d requests/s for %d s (after %d s warm-up of each path); starting "
                + "the broker and the registry...%n", rate, seconds, warmUp);
        new CompositeBenchmark().run(rate, seconds, warmUp);
        System.exit(0);
    }

    private void run(int rate, int seconds, int warmUp) throws Exception {
        setUp();
        List<GsbSubscriber> providers = providers();
        Map<String, String> env = new HashMap<>();
        // The orchestrator's tuning can be tried from outside: GSB_ORCHESTRATOR_THREADS=2 java ... CompositeBenchmark
        System.getenv().forEach((k, v) -> {
            if (k.equals("GSB_ORCHESTRATOR_THREADS") || k.equals("GSB_ORCHESTRATOR_COMMIT_INTERVAL_MS")) {
                env.put(k, v);
            }
        });
        env.put("GSB_BOOTSTRAP", bus.broker.bootstrapServers());
        env.put("GSB_REGISTRY_URL", bus.registry.ccompatUrl());
        env.put("GSB_ORCHESTRATOR_APPLICATION_ID", "bench-orchestrator-" + id);
        env.put("GSB_ORCHESTRATOR_STATE_DIR", Files.createTempDirectory("gsb-bench-orchestrator").toString());
        env.put("GSB_ORCHESTRATOR_AUTO_REGISTER", "true");
        env.put("GSB_COMPOSITES_TOPIC", definitions);
        try (Orchestrator orchestrator = Orchestrator.start(OrchestratorSettings.fromEnv(env));
             GsbPublisher caller = GsbPublisher.builder().bootstrapServers(bus.broker.bootstrapServers())
                     .agency("single-window").registryUrl(bus.registry.ccompatUrl()).autoRegisterSchemas(true).build()) {
            while (orchestrator.state() != KafkaStreams.State.RUNNING) {
                Thread.sleep(100);
            }
            Duration timeout = Duration.ofSeconds(30);
            Supplier<CompletionStage<?>> compositeCall = () -> caller.request(composite, move(), CompositeReply.class, timeout);
            Supplier<CompletionStage<?>> registerCall = () -> caller.request(register, Samples.addressChangeRequest(),
                    AddressChangeReply.class, timeout);
            Supplier<CompletionStage<?>> taxCall = () -> caller.request(tax, Samples.taxAddressRequest(),
                    TaxAddressReply.class, timeout);
            Supplier<CompletionStage<?>> transferCall = () -> caller.request(transfer, Samples.supplyTransferRequest(),
                    SupplyTransferReply.class, timeout);

            awaitFirst(compositeCall);
            // Warm up each path at the rate it is measured at, one after the other: all four kinds at once would
            // put twice the measured load on civil-registry (the composite's first step and its direct calls).
            // Long enough for the JIT: with 10 s, both JVMs (the broker's, this one) were still compiling while measured.
            load("warm-up (composite)", rate, warmUp, List.of(compositeCall));
            load("warm-up (direct)", rate, warmUp, List.of(registerCall, taxCall, transferCall));
            Histogram c;
            try (CompositeTimeline timeline = new CompositeTimeline(bus.broker.bootstrapServers(), id)) {
                c = load("composite", rate, seconds, List.of(compositeCall)).get(0);
                Thread.sleep(1000); // the observers read the last answers
                timeline.close();
                timeline.report(composite.requestsTopic());
            }
            List<Histogram> direct = load("the three steps called directly, each at the rate", rate, seconds,
                    List.of(registerCall, taxCall, transferCall));
            report(rate, c, direct);
        } finally {
            providers.forEach(GsbSubscriber::close);
        }
    }

    /**
     * Calls the composite until one call succeeds: on a fresh broker the first transactions wait for the transaction
     * coordinator (its topic is created on first use), and step requests sent meanwhile time out.
     */
    private static void awaitFirst(Supplier<CompletionStage<?>> call) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try {
                call.get().toCompletableFuture().get(30, TimeUnit.SECONDS);
                return;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the composite never answered: " + e, e);
                }
                Thread.sleep(500);
            }
        }
    }

    private static void report(int rate, Histogram c, List<Histogram> direct) {
        double sum = 0;
        String[] names = {"register-address", "update-tax-address", "transfer-supply"};
        for (int i = 0; i < 3; i++) {
            Histogram h = direct.get(i);
            System.out.printf("direct %-20s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (%d calls)%n", names[i],
                    ms(h, 50), ms(h, 99), h.getMaxValue() / 1000.0, h.getTotalCount());
            sum += ms(h, 99);
        }
        System.out.printf("composite             p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (%d calls)%n",
                ms(c, 50), ms(c, 99), c.getMaxValue() / 1000.0, c.getTotalCount());
        System.out.printf("%nresult at %d requests/s: composite p99 %.1f ms vs sum of the steps' p99 %.1f ms: overhead "
                + "%+.0f %% (load average now %.1f)%n", rate, ms(c, 99), sum, (ms(c, 99) / sum - 1) * 100, StatsBench.load());
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }

    /** Calls each kind at {@code rate} per second for {@code seconds}, open loop; latencies in µs from when due. */
    private static List<Histogram> load(String label, int rate, int seconds, List<Supplier<CompletionStage<?>>> kinds)
            throws InterruptedException {
        List<Recorder> recorders = new ArrayList<>();
        kinds.forEach(k -> recorders.add(new Recorder(3)));
        AtomicLong failed = new AtomicLong();
        AtomicLong pending = new AtomicLong();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            for (int k = 0; k < kinds.size(); k++) {
                Recorder r = recorders.get(k);
                pending.incrementAndGet();
                kinds.get(k).get().whenComplete((v, e) -> {
                    pending.decrementAndGet();
                    if (e != null) {
                        if (failed.incrementAndGet() == 1) {
                            System.out.println(label + ": first failure: " + e);
                        }
                    } else {
                        r.recordValue(Math.max(1, (System.nanoTime() - due) / 1000));
                    }
                });
            }
        }
        while (pending.get() > 0 && System.nanoTime() - start < (seconds + 40) * 1_000_000_000L) {
            Thread.sleep(50);
        }
        System.out.printf("%s: %d calls per kind at %d/s done, %d failed, %d still pending%n", label, total, rate,
                failed.get(), pending.get());
        List<Histogram> out = new ArrayList<>();
        recorders.forEach(r -> out.add(r.getIntervalHistogram()));
        return out;
    }

    private MoveHouseRequest move() {
        return Samples.moveHouseRequest();
    }

    private void setUp() throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bus.broker.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            List<NewTopic> topics = new ArrayList<>();
            topics.add(new NewTopic(definitions, 1, (short) 1));
            for (Service s : List.of(composite, register, tax, transfer)) {
                topics.add(new NewTopic(s.requestsTopic(), PARTITIONS, (short) 1));
                topics.add(new NewTopic(s.replyTopic("single-window"), PARTITIONS, (short) 1));
            }
            for (Service s : List.of(register, tax, transfer)) {
                topics.add(new NewTopic(s.replyTopic("orchestrator"), PARTITIONS, (short) 1));
            }
            if (!admin.listTopics().names().get().contains("gsb.calls")) {
                topics.add(new NewTopic("gsb.calls", 3, (short) 1));
            }
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
        SchemaRegistry schemas = SchemaRegistry.http(bus.registry.ccompatUrl());
        schemas.register(Service.valueSubject(register.requestsTopic()), AddressChangeRequest.getClassSchema());
        schemas.register(Service.valueSubject(tax.requestsTopic()), TaxAddressRequest.getClassSchema());
        schemas.register(Service.valueSubject(transfer.requestsTopic()), SupplyTransferRequest.getClassSchema());
        String yaml = Examples.yaml(Examples.MOVE_HOUSE).replace("orchestrator.move-house", composite.toString())
                .replace("civil-registry.address-change", register.toString()).replace("tax.tax-address", tax.toString())
                .replace("utilities.supply-transfer", transfer.toString());
        CompositeDefinition d = CompositeDefinitions.parse(yaml, Format.YAML,
                name -> Optional.of(gov.gsb.composites.ComponentKind.REQUEST_REPLY)).orThrow().withVersion(1);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(definitions, DefinitionTopic.key(d), DefinitionTopic.value(d))).get();
        }
    }

    /**
     * Each agency serves with one subscriber per partition of its requests topic (one consumer group), as an agency
     * scales a busy service. A subscriber answers one request at a time and waits for its reply's acknowledgement;
     * with one subscriber per agency and Kafka 4's default {@code linger.ms=5} that caps a provider near 200
     * replies/s, and at 500 requests/s the queue grew until every call timed out (the earlier runs' "civil-registry
     * answers nothing").
     */
    private List<GsbSubscriber> providers() {
        List<GsbSubscriber> list = new ArrayList<>();
        for (int i = 0; i < PARTITIONS; i++) {
            list.add(provider("civil-registry").serve(register.name(), AddressChangeRequest.class, (q, m) ->
                    AddressChangeReply.newBuilder().setRequestId(q.getRequestId()).setStatus(AddressChangeStatus.ACCEPTED)
                            .setRegistrationNumber("CR-1").build()).start());
            list.add(provider("tax").serve(tax.name(), TaxAddressRequest.class, (q, m) ->
                    TaxAddressReply.newBuilder().setRequestId(q.getRequestId()).setTaxOffice("Hilltown").build()).start());
            list.add(provider("utilities").serve(transfer.name(), SupplyTransferRequest.class, (q, m) ->
                    SupplyTransferReply.newBuilder().setRequestId(q.getRequestId()).setContractId("K-1")
                            .setFinalBillAmount(new BigDecimal("42.17")).setCurrency("EUR").build()).start());
        }
        list.forEach(s -> s.awaitAssignment(Duration.ofSeconds(60)));
        return list;
    }

    private GsbSubscriber provider(String agency) {
        // Reads committed records (the SDK's default): the orchestrator writes step requests in transactions.
        return GsbSubscriber.builder().bootstrapServers(bus.broker.bootstrapServers()).agency(agency)
                .registryUrl(bus.registry.ccompatUrl()).autoRegisterSchemas(true).group("bench")
                .kafkaProperty("linger.ms", 0).build();
    }
}

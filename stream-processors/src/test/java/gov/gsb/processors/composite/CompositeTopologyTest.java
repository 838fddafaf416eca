package gov.gsb.processors.composite;

import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.bus.CompositeReply;
import gov.gsb.bus.CompositeStepOutcome;
import gov.gsb.bus.StepStatus;
import gov.gsb.composites.ComponentKind;
import gov.gsb.composites.CompositeDefinitions;
import gov.gsb.composites.Examples;
import gov.gsb.composites.Format;
import gov.gsb.sample.civilregistry.AddressChangeReply;
import gov.gsb.sample.civilregistry.AddressChangeRequest;
import gov.gsb.sample.civilregistry.AddressChangeStatus;
import gov.gsb.sample.composite.MoveHouseRequest;
import gov.gsb.sample.tax.TaxAddressReply;
import gov.gsb.sample.tax.TaxAddressRequest;
import gov.gsb.sample.utilities.SupplyTransferReply;
import gov.gsb.sample.utilities.SupplyTransferRequest;
import gov.gsb.schemas.Samples;
import gov.gsb.sdk.GsbAvroDeserializer;
import gov.gsb.sdk.GsbAvroSerializer;
import gov.gsb.sdk.GsbHeaders;
import gov.gsb.sdk.SchemaRegistry;
import gov.gsb.sdk.Service;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The orchestrator's topology in a {@link TopologyTestDriver}, configured as in production, with the "moves house"
 * example, an in-memory registry and a clock the test moves (the same one the driver's punctuations run on). The
 * real-broker tests ({@link CompositeServicesIT}, {@link OrchestratorCrashIT}) cover tokens, grants and crashes.
 */
class CompositeTopologyTest {

    private static final long START = Instant.parse("2026-11-29T09:00:00Z").toEpochMilli();
    private static final String CALLER = "single-window";

    private final Service composite = Service.of("orchestrator", "move-house");
    private final Service register = Service.of("civil-registry", "address-change");
    private final Service tax = Service.of("tax", "tax-address");
    private final Service transfer = Service.of("utilities", "supply-transfer");
    private final SchemaRegistry registry = SchemaRegistry.inMemory();
    private final GsbAvroSerializer<Object> serializer = new GsbAvroSerializer<>(registry, true);
    private final AtomicLong clock = new AtomicLong(START);
    private TopologyTestDriver driver;

    @BeforeEach
    void setUp() throws Exception {
        registry.register(Service.valueSubject(register.requestsTopic()), AddressChangeRequest.getClassSchema());
        registry.register(Service.valueSubject(tax.requestsTopic()), TaxAddressRequest.getClassSchema());
        registry.register(Service.valueSubject(transfer.requestsTopic()), SupplyTransferRequest.getClassSchema());
        Definitions definitions = new Definitions();
        definitions.put(CompositeDefinitions.parse(Examples.yaml(Examples.MOVE_HOUSE), Format.YAML,
                name -> Optional.of(ComponentKind.REQUEST_REPLY)).orThrow().withVersion(1));
        OrchestratorSettings settings = OrchestratorSettings.fromEnv(Map.of("GSB_BOOTSTRAP", "unused:9092",
                "GSB_REGISTRY_URL", "http://unused", "GSB_ORCHESTRATOR_AUTO_REGISTER", "true", "GSB_ORCHESTRATOR_STATE_DIR",
                Files.createTempDirectory("composite-topology").toString()));
        TopicPlan plan = TopicPlan.of(definitions, "orchestrator", Map.of(composite.requestsTopic(), 1,
                register.replyTopic("orchestrator"), 1, tax.replyTopic("orchestrator"), 1,
                transfer.replyTopic("orchestrator"), 1));
        driver = new TopologyTestDriver(CompositeTopology.build(plan, definitions, registry, settings, clock::get),
                OrchestratorKafka.streams(settings), Instant.ofEpochMilli(START));
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void shouldRunTheStepsInOrderAndAnswerOnce() {
        String call = request(START);
        TestRecord<byte[], byte[]> registration = single(register.requestsTopic());
        assertThat(header(registration.headers(), GsbHeaders.PARENT_CALL_ID)).isEqualTo(call);
        assertThat(pending(tax.requestsTopic())).as("the tax step waits for the registration").isEmpty();

        replyToRegistration(registration, START + 20);
        reply(tax, single(tax.requestsTopic()), TaxAddressReply.newBuilder().setRequestId(call).setTaxOffice("Hilltown").build(), START + 30);
        reply(transfer, single(transfer.requestsTopic()), SupplyTransferReply.newBuilder().setRequestId(call)
                .setContractId("K-1").setFinalBillAmount(new BigDecimal("42.17")).setCurrency("EUR").build(), START + 40);

        TestRecord<byte[], byte[]> answer = single(composite.replyTopic(CALLER));
        assertThat(header(answer.headers(), GsbHeaders.REPLY_STATUS)).isEqualTo("OK");
        CompositeReply reply = new GsbAvroDeserializer<CompositeReply>(registry, CompositeReply.class)
                .deserialize(composite.replyTopic(CALLER), answer.headers(), answer.value());
        assertThat(reply.getSteps()).extracting(CompositeStepOutcome::getStatus).containsOnly(StepStatus.SUCCEEDED);
    }

    @Test
    void shouldTimeOutAStepThatIsNotAnsweredAndSaySo() {
        request(START);
        single(register.requestsTopic());

        advance(Duration.ofMillis(5_200)); // the example's steps have 5 s

        TestRecord<byte[], byte[]> answer = single(composite.replyTopic(CALLER));
        assertThat(header(answer.headers(), GsbHeaders.REPLY_STATUS)).isEqualTo("FAILED");
        assertThat(header(answer.headers(), GsbHeaders.ERROR_CODE)).isEqualTo("STEP_TIMEOUT");
        assertThat(header(answer.headers(), "gsb-failed-step")).isEqualTo("register-address");
    }

    @Test
    void shouldTakeAReplyWrittenBeforeTheDeadlineWhileBehindInsteadOfTimingOut() {
        // The orchestrator was down 10 s: it takes the request late, and more waiting behind it keep it busy.
        clock.set(START + 10_000);
        String late = request(START);
        TestRecord<byte[], byte[]> registration = single(register.requestsTopic()); // sent now: deadline now + 5 s
        for (int i = 1; i <= 12; i++) { // 6 s of taking a backlog, half a second at a time
            advance(Duration.ofMillis(500));
            request(START + i * 100L);
        }
        assertThat(pending(composite.replyTopic(CALLER))).as("nothing timed out while behind").isEmpty();
        // A fresh message on another step's reply topic, among the old ones, says nothing of the registration's.
        Headers other = new RecordHeaders();
        put(other, GsbHeaders.CALL_ID, UUID.randomUUID().toString());
        request(START + 1_300);
        reply(tax, new TestRecord<>(new byte[0], new byte[0], other, START), TaxAddressReply.newBuilder()
                .setRequestId("other").setTaxOffice("Hilltown").build(), clock.get());
        advance(Duration.ofMillis(500));
        assertThat(pending(composite.replyTopic(CALLER))).as("nothing timed out while behind on its topic").isEmpty();

        // The provider had answered 1 s after the request was sent, well within its 5 s: the answer counts.
        replyToRegistration(registration, START + 11_000);
        List<TestRecord<byte[], byte[]>> taxRequests = pending(tax.requestsTopic());
        assertThat(taxRequests).extracting(r -> header(r.headers(), GsbHeaders.PARENT_CALL_ID)).contains(late);
        assertThat(pending(composite.replyTopic(CALLER))).isEmpty();
    }

    @Test
    void shouldTimeOutByTheClockOnceCaughtUp() {
        clock.set(START + 10_000);
        request(START); // taken late, then nothing more: two ticks without input, caught up
        single(register.requestsTopic());

        advance(Duration.ofMillis(100));
        advance(Duration.ofMillis(100));
        advance(Duration.ofMillis(5_000));

        TestRecord<byte[], byte[]> answer = single(composite.replyTopic(CALLER));
        assertThat(header(answer.headers(), GsbHeaders.ERROR_CODE)).isEqualTo("STEP_TIMEOUT");
    }

    /** A caller's request, as the producer SDK writes it, written at {@code writtenAt}; returns its call id. */
    private String request(long writtenAt) {
        String callId = UUID.randomUUID().toString();
        Headers h = new RecordHeaders();
        put(h, GsbHeaders.CALL_ID, callId);
        put(h, GsbHeaders.AGENCY, CALLER);
        put(h, GsbHeaders.REPLY_TO, composite.replyTopic(CALLER));
        MoveHouseRequest move = Samples.moveHouseRequest();
        input(composite.requestsTopic()).pipeInput(new TestRecord<>(callId.getBytes(StandardCharsets.UTF_8),
                serializer.serialize(composite.requestsTopic(), move), h, writtenAt));
        return callId;
    }

    private void replyToRegistration(TestRecord<byte[], byte[]> request, long writtenAt) {
        reply(register, request, AddressChangeReply.newBuilder().setRequestId("r").setStatus(AddressChangeStatus.ACCEPTED)
                .setRegistrationNumber("CR-1").build(), writtenAt);
    }

    /** The provider's answer to {@code request}, as the consumer SDK writes it. */
    private void reply(Service service, TestRecord<byte[], byte[]> request, Object value, long writtenAt) {
        String topic = service.replyTopic("orchestrator");
        Headers h = new RecordHeaders();
        put(h, GsbHeaders.CALL_ID, header(request.headers(), GsbHeaders.CALL_ID));
        put(h, GsbHeaders.REPLY_STATUS, "OK");
        put(h, GsbHeaders.RECEIVED_AT, Long.toString(writtenAt));
        input(topic).pipeInput(new TestRecord<>(request.key(), serializer.serialize(topic, value), h, writtenAt));
    }

    private void advance(Duration d) {
        clock.addAndGet(d.toMillis());
        driver.advanceWallClockTime(d);
    }

    private TestInputTopic<byte[], byte[]> input(String topic) {
        return driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private List<TestRecord<byte[], byte[]>> pending(String topic) {
        TestOutputTopic<byte[], byte[]> out = driver.createOutputTopic(topic, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        return out.readRecordsToList();
    }

    private TestRecord<byte[], byte[]> single(String topic) {
        List<TestRecord<byte[], byte[]>> records = pending(topic);
        assertThat(records).as("messages on %s", topic).hasSize(1);
        return records.get(0);
    }

    private static void put(Headers h, String name, String value) {
        h.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(Headers h, String name) {
        return h.lastHeader(name) == null ? null : new String(h.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}

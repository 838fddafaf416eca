package gov.gsb.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import gov.gsb.bus.CompositeReply;
import gov.gsb.bus.CompositeStepOutcome;
import gov.gsb.bus.StepStatus;
import gov.gsb.composites.CompositeFailure;
import gov.gsb.composites.Examples;
import gov.gsb.consumer.GsbSubscriber;
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
import gov.gsb.sdk.ServiceFailedException;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A composite registered through the API, then called: on the secured broker, the orchestrator (stream-processors'
 * {@code OrchestratorMain}, its own JVM, logged in as client {@code orchestrator}) runs with nothing but what
 * access-admin gave it (the grants made at registration and its base ACLs), and the caller holds only the REQUEST
 * grant on the composite. Needs stream-processors built ({@code target/gsb-stream-processors.jar} and
 * {@code target/classpath.txt}); skipped otherwise.
 */
@QuarkusTest
@WithTestResource(GsbServers.class)
class CompositeCallTest {

    private static final Path PROCESSORS = Path.of("..", "stream-processors", "target");

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> received = new CopyOnWriteArrayList<>();

    @Test
    void shouldRunACompositeWithTheGrantsAccessAdminMade() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(PROCESSORS.resolve("gsb-stream-processors.jar"))
                && Files.isRegularFile(PROCESSORS.resolve("classpath.txt")), "stream-processors is not built");
        Service register = registered("civil-registry", "address-change-" + suffix);
        Service tax = registered("tax", "tax-address-" + suffix);
        Service transfer = registered("utilities", "supply-transfer-" + suffix);
        Service composite = Service.of("orchestrator", "move-house-" + suffix);
        for (Service s : List.of(register, tax, transfer)) {
            Bus.grant(s.toString(), "SERVE", "GROUP", "agencies/" + s.provider(), "ALLOW");
        }
        publishContracts(register, tax, transfer, composite);
        Map<String, Object> request = Bus.service(composite.provider(), composite.name(), "COMPOSITE");
        request.put("partitions", 3);
        request.put("definition", Examples.yaml(Examples.MOVE_HOUSE).replace("orchestrator.move-house", composite.toString())
                .replace("civil-registry.address-change", register.toString()).replace("tax.tax-address", tax.toString())
                .replace("utilities.supply-transfer", transfer.toString()));
        Bus.as("admin").body(request).post("/api/services").then().statusCode(201);
        Bus.grant(composite.toString(), "REQUEST", "GROUP", "agencies/single-window", "ALLOW");

        List<GsbSubscriber> providers = providers(register, tax, transfer);
        int port = freePort();
        Process orchestrator = orchestrator(port);
        try (GsbPublisher caller = Bus.publisher("single-window")) {
            awaitRunning(port, composite);

            CompositeReply ok = caller.request(composite, move("citizen-ok"), CompositeReply.class, Duration.ofSeconds(60))
                    .toCompletableFuture().join();
            assertThat(ok.getSteps()).extracting(CompositeStepOutcome::getStatus).containsOnly(StepStatus.SUCCEEDED);

            assertThatThrownBy(() -> caller.request(composite, move("fail-tax"), CompositeReply.class,
                    Duration.ofSeconds(60)).toCompletableFuture().join())
                    .isInstanceOf(CompletionException.class).cause().isInstanceOf(ServiceFailedException.class)
                    .satisfies(e -> {
                        ServiceFailedException f = (ServiceFailedException) e;
                        CompositeFailure failure = CompositeFailure.parse(f.errorCode(), f.getMessage()).orElseThrow();
                        assertThat(failure.failedStep()).isEqualTo("update-tax-address");
                        assertThat(failure.compensated()).contains("register-address");
                    });
            assertThat(received).contains(register + ":revert:fail-tax");
        } finally {
            orchestrator.destroyForcibly();
            providers.forEach(GsbSubscriber::close);
            // Retired, so that their grants go: a SERVE grant's group ACL (gsb.tax.*) is shared by every service of
            // the agency, and other tests expect none left over.
            for (Service s : List.of(composite, register, tax, transfer)) {
                Bus.as("admin").post("/api/services/" + s + "/retire");
            }
        }
    }

    /** A two-way service with the composite's partitions (a step's reply topic needs at least as many). */
    private static Service registered(String provider, String name) {
        Map<String, Object> service = Bus.service(provider, name, "REQUEST_REPLY");
        service.put("partitions", 3);
        Bus.as("admin").body(service).post("/api/services").then().statusCode(201);
        return Service.of(provider, name);
    }

    /** What a provider publishes with its service: its request contract, under its requests topic's subject. */
    private static void publishContracts(Service register, Service tax, Service transfer, Service composite) {
        SchemaRegistry schemas = SchemaRegistry.http(Bus.registryUrl());
        schemas.register(Service.valueSubject(register.requestsTopic()), AddressChangeRequest.getClassSchema());
        schemas.register(Service.valueSubject(tax.requestsTopic()), TaxAddressRequest.getClassSchema());
        schemas.register(Service.valueSubject(transfer.requestsTopic()), SupplyTransferRequest.getClassSchema());
        schemas.register(Service.valueSubject(composite.requestsTopic()), MoveHouseRequest.getClassSchema());
    }

    /** The three agencies, with their own credentials; the tax office refuses citizen {@code fail-tax}. */
    private List<GsbSubscriber> providers(Service register, Service tax, Service transfer) {
        List<GsbSubscriber> list = new ArrayList<>();
        list.add(Bus.subscriber("civil-registry").group("composite-" + suffix).build()
                .serve(register.name(), AddressChangeRequest.class, (q, m) -> {
                    received.add(register + ":" + m.method() + ":" + q.getCitizenId());
                    return AddressChangeReply.newBuilder().setRequestId(q.getRequestId())
                            .setStatus(AddressChangeStatus.ACCEPTED).setRegistrationNumber("CR-1").build();
                }).start());
        list.add(Bus.subscriber("tax").group("composite-" + suffix).build()
                .serve(tax.name(), TaxAddressRequest.class, (q, m) -> {
                    received.add(tax + ":" + m.method() + ":" + q.getCitizenId());
                    if (q.getCitizenId().equals("fail-tax") && !"revert".equals(m.method())) {
                        throw new ServiceFailedException("OUTSIDE_TAX_DISTRICT", "not in any tax district");
                    }
                    return TaxAddressReply.newBuilder().setRequestId(q.getRequestId()).setTaxOffice("Hilltown").build();
                }).start());
        list.add(Bus.subscriber("utilities").group("composite-" + suffix).build()
                .serve(transfer.name(), SupplyTransferRequest.class, (q, m) -> {
                    received.add(transfer + ":" + m.method() + ":" + q.getCitizenId());
                    return SupplyTransferReply.newBuilder().setRequestId(q.getRequestId()).setContractId("K-1")
                            .setFinalBillAmount(new BigDecimal("42.17")).setCurrency("EUR").build();
                }).start());
        list.forEach(s -> s.awaitAssignment(Duration.ofSeconds(60)));
        return list;
    }

    /** OrchestratorMain in its own JVM, with the environment ./gsb up gives it. */
    private Process orchestrator(int port) throws Exception {
        String classpath = PROCESSORS.resolve("gsb-stream-processors.jar") + File.pathSeparator
                + Files.readString(PROCESSORS.resolve("classpath.txt")).trim();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", classpath, "gov.gsb.processors.composite.OrchestratorMain")
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "orchestrator-" + suffix + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("GSB_BOOTSTRAP", Bus.bootstrap());
        env.put("GSB_REGISTRY_URL", Bus.registryUrl());
        env.put("GSB_TOKEN_URL", Bus.tokenUrl());
        env.put("GSB_ORCHESTRATOR_CLIENT_SECRET", Bus.secret("orchestrator"));
        env.put("GSB_ORCHESTRATOR_STATE_DIR", Files.createTempDirectory("orchestrator-" + suffix).toString());
        env.put("GSB_ORCHESTRATOR_AUTO_REGISTER", "true");
        env.put("GSB_ORCHESTRATOR_REFRESH_MS", "1000");
        env.put("GSB_ORCHESTRATOR_PORT", Integer.toString(port));
        return pb.start();
    }

    /** Waits until {@code /health} answers UP with the composite running. */
    private static void awaitRunning(int port, Service composite) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
            HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"status\":\"UP\"")
                    && r.body().matches("(?s).*\"running\":\\[[^]]*\"" + composite + "\".*");
        });
    }

    private static MoveHouseRequest move(String citizen) {
        return MoveHouseRequest.newBuilder(Samples.moveHouseRequest()).setRequestId(UUID.randomUUID().toString())
                .setCitizenId(citizen).build();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

package gov.gsb.processors.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.gsb.bus.CompositeReply;
import gov.gsb.bus.CompositeStepOutcome;
import gov.gsb.bus.StepStatus;
import gov.gsb.devstack.RegistryServer;
import gov.gsb.devstack.junit.RealServers;
import gov.gsb.devstack.junit.SecuredKafka;
import gov.gsb.producer.GsbPublisher;
import gov.gsb.sdk.CallContext;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The orchestrator in its own JVM, killed with SIGKILL mid-process, then started again on the same state directory:
 * every composite call completes, and no step is sent to its service twice (the providers count what they receive,
 * reading committed records only, as a provider must for exactly-once to hold end to end).
 *
 * <p>Ten calls are sent; the tax office holds its first request, so at the kill every call has its registration and
 * its supply transfer done (replies read) and its tax step in flight. The tax office answers while the orchestrator
 * is down; the restarted one reads those replies from its last commit and finishes every call.
 */
@ExtendWith(RealServers.class)
class OrchestratorCrashIT {

    private static final int CALLS = 10;

    @Test
    void shouldResumeAfterAKillWithoutRepeatingACompletedStep(SecuredKafka kafka, RegistryServer registry) throws Exception {
        CompositeBus bus = new CompositeBus(kafka, registry).setUp(60_000);
        Map<String, String> env = new HashMap<>(bus.env(Files.createTempDirectory("orchestrator-crash")));
        env.put("GSB_ORCHESTRATOR_INSTANCE_ID", "crash-test"); // static membership: the restart takes over at once
        int port = freePort();
        env.put("GSB_ORCHESTRATOR_PORT", Integer.toString(port));
        List<Process> children = new ArrayList<>();
        try (Providers providers = new Providers(bus); GsbPublisher caller = bus.caller("single-window")) {
            providers.holdTax = new CountDownLatch(1);
            children.add(start(env, bus, 1));
            awaitHealthy(port); // what ./gsb up waits for
            List<CompletableFuture<CompositeReply>> replies = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                replies.add(caller.request(bus.composite, CompositeBus.move("crash-" + i, "C-" + i), CompositeReply.class,
                        Duration.ofSeconds(180), CallContext.builder().build()).toCompletableFuture());
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> providers.count(bus.register.toString(), null) == CALLS
                    && providers.count(bus.transfer.toString(), null) == CALLS
                    && providers.count(bus.tax.toString(), null) >= 1);
            Thread.sleep(1_000); // the transfers' replies read and committed: those steps are complete

            children.get(0).destroyForcibly(); // SIGKILL
            assertThat(children.get(0).waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(replies).noneMatch(CompletableFuture::isDone);
            providers.holdTax.countDown(); // the tax office answers while the orchestrator is down
            children.add(start(env, bus, 2));

            for (CompletableFuture<CompositeReply> f : replies) {
                assertThat(f.get(180, TimeUnit.SECONDS).getSteps()).extracting(CompositeStepOutcome::getStatus)
                        .containsOnly(StepStatus.SUCCEEDED);
            }
            for (String service : List.of(bus.register.toString(), bus.tax.toString(), bus.transfer.toString())) {
                assertThat(providers.count(service, null)).as("requests %s received", service).isEqualTo(CALLS);
                assertThat(providers.received.stream().filter(r -> r.service().equals(service)).map(Providers.Received::callId)
                        .distinct().count()).isEqualTo(CALLS);
            }
            assertThat(providers.received).allMatch(r -> r.method().equals("request")); // nothing compensated
            System.err.printf("crash test: %d composite calls, killed with every tax step in flight; after the restart "
                    + "each service had received exactly %d requests%n", CALLS, CALLS);
        } finally {
            children.forEach(Process::destroyForcibly);
        }
    }

    /** Waits until the orchestrator's {@code /health} answers 200 with its Kafka Streams RUNNING. */
    private static void awaitHealthy(int port) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"status\":\"UP\"")
                    && r.body().contains("\"streams\":\"RUNNING\"");
        });
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts OrchestratorMain in a new JVM, with the runtime classpath Maven wrote. */
    private static Process start(Map<String, String> env, CompositeBus bus, int run) throws Exception {
        String classpath = "target/classes" + File.pathSeparator + Files.readString(Path.of("target", "classpath.txt")).trim();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", classpath,
                "gov.gsb.processors.composite.OrchestratorMain")
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "orchestrator-" + bus.id + "-" + run + ".log").toFile());
        pb.environment().putAll(env);
        return pb.start();
    }
}

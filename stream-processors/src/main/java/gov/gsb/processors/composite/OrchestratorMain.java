package gov.gsb.processors.composite;

import gov.gsb.processors.internal.HealthServer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the orchestrator from the environment ({@link OrchestratorSettings#VARIABLES}):
 *
 * <pre>
 * java -cp "stream-processors/target/gsb-stream-processors.jar:$(cat stream-processors/target/classpath.txt)" \
 *      gov.gsb.processors.composite.OrchestratorMain
 * </pre>
 *
 * Exits with 2 on a wrong setting (naming it) or a port taken, 0 on SIGTERM. {@code GET /health} on
 * {@code GSB_ORCHESTRATOR_HOST:GSB_ORCHESTRATOR_PORT} (default {@code 127.0.0.1:8097}): see {@link OrchestratorHealth}.
 */
public final class OrchestratorMain {

    private static final Logger LOG = LoggerFactory.getLogger(OrchestratorMain.class);

    private OrchestratorMain() {
    }

    /**
     * @param args none
     * @throws Exception (fatal) if the orchestrator cannot start
     */
    public static void main(String[] args) throws Exception {
        OrchestratorSettings settings;
        try {
            settings = OrchestratorSettings.fromEnv(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("gsb-orchestrator: " + e.getMessage());
            System.exit(2);
            return;
        }
        // The endpoint first, answering 503 while the definitions are read, so that a launcher can wait on it.
        AtomicReference<Orchestrator> running = new AtomicReference<>();
        OrchestratorHealth health = new OrchestratorHealth(running::get);
        HealthServer http;
        try {
            http = HealthServer.start(settings.host(), settings.port(), "GSB_ORCHESTRATOR_PORT",
                    Map.of("/health", health::health));
        } catch (IllegalStateException e) {
            System.err.println("gsb-orchestrator: " + e.getMessage());
            System.exit(2);
            return;
        }
        Orchestrator orchestrator;
        try {
            orchestrator = Orchestrator.start(settings);
        } catch (RuntimeException e) {
            http.close(); // its server thread would keep the JVM alive
            throw e;
        }
        running.set(orchestrator);
        LOG.info("health on http://{}:{}/health", settings.host(), http.port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            orchestrator.close();
            http.close();
        }, "gsb-orchestrator-shutdown"));
        orchestrator.awaitEnd();
    }
}

package gov.gsb.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the demo agencies until the process is stopped: {@code ./gsb up} starts it once the
 * servers are healthy. Settings come from the environment ({@link DemoSettings}).
 *
 * <pre>{@code
 * eval "$(./gsb env)"
 * java -cp demo/target/gsb-demo.jar:<demo/target/demo-classpath.txt, $M2_REPO resolved> gov.gsb.demo.DemoMain
 * }</pre>
 */
public final class DemoMain {

    private static final Logger LOG = LoggerFactory.getLogger(DemoMain.class);

    private DemoMain() {
    }

    /**
     * @param args none
     */
    public static void main(String[] args) {
        DemoSettings settings;
        try {
            settings = DemoSettings.fromEnv(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("gsb demo: " + e.getMessage());
            System.exit(2);
            return;
        }
        Demo demo = new Demo(settings);
        DemoHttp http;
        try {
            http = DemoHttp.start(settings.port(), demo::healthy, demo::statsJson);
        } catch (IllegalStateException e) {
            LOG.error("{}", e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping the demo agencies");
            demo.close();
            http.close();
        }, "demo-stop"));
        LOG.info("health and stats on http://127.0.0.1:{}/health and /stats", http.port());
        try {
            demo.start();
        } catch (RuntimeException e) {
            LOG.error("the demo could not start: {}", e.getMessage());
            System.exit(1);
        }
        // The agencies' threads keep the process alive until it is stopped (./gsb down sends SIGTERM).
    }
}

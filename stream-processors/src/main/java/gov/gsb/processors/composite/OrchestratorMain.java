package gov.gsb.processors.composite;

/**
 * Runs the orchestrator from the environment ({@link OrchestratorSettings#VARIABLES}):
 *
 * <pre>
 * java -cp "stream-processors/target/gsb-stream-processors.jar:$(cat stream-processors/target/classpath.txt)" \
 *      gov.gsb.processors.composite.OrchestratorMain
 * </pre>
 *
 * Exits with 2 on a wrong setting (naming it), 0 on SIGTERM.
 */
public final class OrchestratorMain {

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
        Orchestrator orchestrator = Orchestrator.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(orchestrator::close, "gsb-orchestrator-shutdown"));
        orchestrator.awaitEnd();
    }
}

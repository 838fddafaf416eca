package gov.gsb.devstack;

import gov.gsb.devstack.internal.Console;
import gov.gsb.devstack.internal.Downloads;
import gov.gsb.devstack.internal.Files2;
import gov.gsb.devstack.internal.Http;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One of the bus's plain Java programs, run from its build in this repository as a process of the
 * stack: the demo agencies ({@code demo}: civil registry, tax, utilities, and the single window
 * playing citizens) and the stream processors ({@code stream-processors}: call records and audit
 * events into ClickHouse).
 *
 * <p>The devstack does not depend on those modules (the SDKs they use test against the devstack).
 * Their builds leave a jar and their runtime classpath in {@code <module>/target/} instead, and an
 * app exists in the stack only when they are there: the {@code gsb} script builds them;
 * {@code mvn -pl devstack verify} runs without them.
 */
public final class JavaApp extends ManagedServer {

    /**
     * What tells one app from another: where its build is, how it starts, where it answers, and
     * the variable naming its state folder (one that survives restarts), if it keeps state. The
     * Kafka Streams apps get a fixed instance id (static membership): Kafka Streams does not leave
     * its group on close, and after a restart of the stack the broker kept the old member until its
     * session timed out, so the orchestrator took no request for its first ~35 s (the demo's first
     * eight house moves timed out at the caller).
     */
    record Spec(String name, String module, String jar, String classpathFile, String mainClass, String portVariable,
                int defaultPort, int phase, String healthPath, String pagePath, String heap, String stateVariable,
                Map<String, String> fixedEnvironment) {
    }

    static final Spec DEMO = new Spec("demo", "demo", "gsb-demo.jar", "demo-classpath.txt", "gov.gsb.demo.DemoMain",
            "GSB_DEMO_PORT", 8099, 3, "/health", "/stats", "-Xmx256m", null, Map.of());
    static final Spec PROCESSORS = new Spec("processors", "stream-processors", "gsb-stream-processors.jar",
            "classpath.txt", "gov.gsb.processors.StreamProcessors", "GSB_PROCESSORS_PORT", 8098, 2, "/health", "/lag",
            "-Xmx512m", "GSB_PROCESSORS_STATE_DIR", Map.of("GSB_PROCESSORS_INSTANCE_ID", "local-processors"));
    /** After access-admin, which gives its identity the ACLs of its own topics; with the demo, which registers the composite. */
    static final Spec ORCHESTRATOR = new Spec("orchestrator", "stream-processors", "gsb-stream-processors.jar",
            "classpath.txt", "gov.gsb.processors.composite.OrchestratorMain", "GSB_ORCHESTRATOR_PORT", 8097, 3,
            "/health", "/health", "-Xmx384m", "GSB_ORCHESTRATOR_STATE_DIR",
            Map.of("GSB_ORCHESTRATOR_AUTO_REGISTER", "true", "GSB_ORCHESTRATOR_INSTANCE_ID", "local-orchestrator"));

    private final Spec spec;
    private final Path target;
    private final List<ManagedServer> servers;
    private final int port;
    private String runClasspath;

    JavaApp(Spec spec, StackSettings settings, Path target, List<ManagedServer> servers) {
        super(spec.name(), settings);
        this.spec = spec;
        this.target = target;
        this.servers = List.copyOf(servers);
        this.port = settings.port(spec.portVariable(), spec.defaultPort());
    }

    /**
     * The demo agencies, started after access-admin, which registers their services and grants.
     *
     * @param repoRoot the repository, whose {@code demo/target/} may hold the built demo
     * @param settings the stack's settings
     * @param servers the servers whose endpoints the demo is given
     * @return the demo, if it is built
     */
    public static Optional<JavaApp> demo(Path repoRoot, StackSettings settings, List<ManagedServer> servers) {
        return ifBuilt(DEMO, repoRoot, settings, servers);
    }

    /**
     * The stream processors, started once Kafka, the registry and ClickHouse are healthy.
     *
     * @param repoRoot the repository, whose {@code stream-processors/target/} may hold their build
     * @param settings the stack's settings
     * @param servers the servers whose endpoints they are given
     * @return the processors, if they are built
     */
    public static Optional<JavaApp> processors(Path repoRoot, StackSettings settings, List<ManagedServer> servers) {
        return ifBuilt(PROCESSORS, repoRoot, settings, servers);
    }

    /**
     * The orchestrator of composite services, started with the demo, after access-admin.
     *
     * @param repoRoot the repository, whose {@code stream-processors/target/} may hold its build
     * @param settings the stack's settings
     * @param servers the servers whose endpoints it is given
     * @return the orchestrator, if it is built
     */
    public static Optional<JavaApp> orchestrator(Path repoRoot, StackSettings settings, List<ManagedServer> servers) {
        return ifBuilt(ORCHESTRATOR, repoRoot, settings, servers);
    }

    static Optional<JavaApp> ifBuilt(Spec spec, Path repoRoot, StackSettings settings, List<ManagedServer> servers) {
        Path target = repoRoot.resolve(spec.module()).resolve("target");
        boolean built = Files.isRegularFile(target.resolve(spec.jar())) && Files.isRegularFile(target.resolve(spec.classpathFile()));
        return built ? Optional.of(new JavaApp(spec, settings, target, servers)) : Optional.empty();
    }

    /** {@code http://127.0.0.1:<port>}: its health check and its page (the demo's {@code /stats}, the processors' {@code /lag}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    protected int phase() {
        return spec.phase();
    }

    @Override
    protected List<PortUse> ports() {
        return List.of(new PortUse(port, "http", spec.portVariable()));
    }

    @Override
    protected long downloadSize(Downloads downloads) {
        return 0; // built with the launcher
    }

    /**
     * Checks that the built classpath is complete and copies the jars a build rewrites (the app's,
     * the SDKs' in their {@code target/} folders, snapshots) into the app's state folder: the
     * running app never reads a file that another engineer's {@code mvn package} is rewriting.
     */
    @Override
    protected void install(Downloads downloads, Console console) throws IOException {
        List<String> built = List.of(classpath().split(File.pathSeparator));
        List<String> missing = built.stream().filter(e -> !Files.exists(Path.of(e))).toList();
        if (!missing.isEmpty()) {
            throw new DevstackException("the " + spec.name() + "'s classpath names " + missing.size()
                    + " missing file(s), e.g. " + missing.get(0) + ": " + rebuild());
        }
        Path lib = home.resolve("lib");
        Files2.deleteTree(lib);
        Files.createDirectories(lib);
        List<String> run = new ArrayList<>();
        for (String entry : built) {
            Path from = Path.of(entry);
            if (from.startsWith(settings.mavenLocal()) && !entry.contains("-SNAPSHOT")) {
                run.add(entry); // a released artifact never changes
            } else {
                Path copy = lib.resolve(run.size() + "-" + from.getFileName());
                Files2.copyTree(from, copy);
                run.add(copy.toString());
            }
        }
        runClasspath = String.join(File.pathSeparator, run);
    }

    @Override
    protected List<String> command() {
        String cp = runClasspath != null ? runClasspath : classpath();
        return List.of(currentJava(), "-Xms32m", spec.heap(), "-XX:+UseSerialGC", "-cp", cp, spec.mainClass());
    }

    /** The app's jar and its runtime classpath as built, with {@code $M2_REPO} resolved. */
    String classpath() {
        try {
            String listed = Files.readString(target.resolve(spec.classpathFile())).trim();
            String resolved = listed.replace("$M2_REPO", settings.mavenLocal().toString());
            return target.resolve(spec.jar()).toAbsolutePath() + (resolved.isEmpty() ? "" : File.pathSeparator + resolved);
        } catch (IOException e) {
            throw new DevstackException("the " + spec.name() + "'s classpath " + target.resolve(spec.classpathFile())
                    + " cannot be read (" + e.getMessage() + "): " + rebuild(), e);
        }
    }

    private String rebuild() {
        return "rebuild it with mvn -pl devstack," + spec.module() + " -am package";
    }

    /**
     * The other servers' endpoints (what {@code ./gsb env} prints), the app's port and, for an app
     * that keeps state (the processors' rollups, the orchestrator's processes), a folder that
     * survives restarts.
     */
    @Override
    protected Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        servers.forEach(s -> env.putAll(s.endpoints()));
        env.put(spec.portVariable(), Integer.toString(port));
        if (spec.stateVariable() != null) {
            env.put(spec.stateVariable(), home.resolve("state").toString());
        }
        env.putAll(spec.fixedEnvironment());
        boolean plaintext = servers.stream().anyMatch(s -> s instanceof KafkaBroker k && !k.isSecured());
        if (plaintext) {
            // The local broker takes no logins: with a token URL the app's clients would speak SASL to it.
            env.put("GSB_TOKEN_URL", null);
        }
        return env;
    }

    @Override
    public boolean healthy() {
        return Http.ok(baseUrl() + spec.healthPath());
    }

    @Override
    public String url() {
        return baseUrl() + spec.pagePath();
    }

    @Override
    public Map<String, String> endpoints() {
        return Map.of("GSB_" + spec.name().toUpperCase() + "_URL", baseUrl());
    }

    @Override
    protected Duration startTimeout() {
        return Duration.ofSeconds(90);
    }
}

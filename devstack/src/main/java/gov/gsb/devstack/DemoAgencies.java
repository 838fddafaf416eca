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
 * The demo agencies (the {@code demo} module: civil registry, tax, utilities, and the single
 * window playing citizens) as one process of the stack, started once the servers are healthy.
 *
 * <p>The devstack does not depend on the demo module (the SDKs, which the demo uses, test
 * against the devstack). The demo's build leaves its jar and its runtime classpath in
 * {@code demo/target/} instead, and this server exists only when they are there: the {@code gsb}
 * script builds them; {@code mvn -pl devstack verify} runs without them.
 */
public final class DemoAgencies extends ManagedServer {

    static final String MAIN_CLASS = "gov.gsb.demo.DemoMain";
    static final String JAR = "gsb-demo.jar";
    static final String CLASSPATH = "demo-classpath.txt";

    private final Path target;
    private final List<ManagedServer> servers;
    private final int port;
    private String runClasspath;

    DemoAgencies(StackSettings settings, Path target, List<ManagedServer> servers) {
        super("demo", settings);
        this.target = target;
        this.servers = List.copyOf(servers);
        this.port = settings.port("GSB_DEMO_PORT", 8099);
    }

    /**
     * @param repoRoot the repository, whose {@code demo/target/} may hold the built demo
     * @param settings the stack's settings
     * @param servers the servers whose endpoints the demo is given
     * @return the demo, if it is built
     */
    public static Optional<DemoAgencies> ifBuilt(Path repoRoot, StackSettings settings, List<ManagedServer> servers) {
        Path target = repoRoot.resolve("demo").resolve("target");
        boolean built = Files.isRegularFile(target.resolve(JAR)) && Files.isRegularFile(target.resolve(CLASSPATH));
        return built ? Optional.of(new DemoAgencies(settings, target, servers)) : Optional.empty();
    }

    /** {@code http://127.0.0.1:<port>}: its {@code /health} and {@code /stats}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    protected int phase() {
        return 3; // after access-admin, which registers its services and grants
    }

    @Override
    protected List<PortUse> ports() {
        return List.of(new PortUse(port, "http", "GSB_DEMO_PORT"));
    }

    @Override
    protected long downloadSize(Downloads downloads) {
        return 0; // built with the launcher
    }

    /**
     * Checks that the built classpath is complete and copies the jars a build rewrites (the demo's,
     * the SDKs' in their {@code target/} folders, snapshots) into the demo's state folder: the
     * running demo never reads a file that another engineer's {@code mvn package} is rewriting.
     */
    @Override
    protected void install(Downloads downloads, Console console) throws IOException {
        List<String> built = List.of(classpath().split(File.pathSeparator));
        List<String> missing = built.stream().filter(e -> !Files.exists(Path.of(e))).toList();
        if (!missing.isEmpty()) {
            throw new DevstackException("the demo's classpath names " + missing.size() + " missing file(s), e.g. "
                    + missing.get(0) + ": rebuild it with mvn -pl devstack,demo -am package");
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
        return List.of(currentJava(), "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-cp", cp, MAIN_CLASS);
    }

    /** The demo's jar and its runtime classpath as built, with {@code $M2_REPO} resolved. */
    String classpath() {
        try {
            String listed = Files.readString(target.resolve(CLASSPATH)).trim();
            String resolved = listed.replace("$M2_REPO", settings.mavenLocal().toString());
            return target.resolve(JAR).toAbsolutePath() + (resolved.isEmpty() ? "" : File.pathSeparator + resolved);
        } catch (IOException e) {
            throw new DevstackException("the demo's classpath " + target.resolve(CLASSPATH) + " cannot be read ("
                    + e.getMessage() + "): rebuild it with mvn -pl devstack,demo -am package", e);
        }
    }

    /** The other servers' endpoints (what {@code ./gsb env} prints) and the demo's port. */
    @Override
    protected Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        servers.forEach(s -> env.putAll(s.endpoints()));
        env.put("GSB_DEMO_PORT", Integer.toString(port));
        boolean plaintext = servers.stream().anyMatch(s -> s instanceof KafkaBroker k && !k.isSecured());
        if (plaintext) {
            // The local broker takes no logins yet: with a token URL the demo's clients would speak SASL to it.
            env.put("GSB_TOKEN_URL", null);
        }
        return env;
    }

    @Override
    public boolean healthy() {
        return Http.ok(baseUrl() + "/health");
    }

    @Override
    public String url() {
        return baseUrl() + "/stats";
    }

    @Override
    public Map<String, String> endpoints() {
        return Map.of("GSB_DEMO_URL", baseUrl());
    }

    @Override
    protected Duration startTimeout() {
        return Duration.ofSeconds(90);
    }
}

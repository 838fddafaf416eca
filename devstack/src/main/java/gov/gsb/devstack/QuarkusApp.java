package gov.gsb.devstack;

import gov.gsb.devstack.internal.Console;
import gov.gsb.devstack.internal.Downloads;
import gov.gsb.devstack.internal.Files2;
import gov.gsb.devstack.internal.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One of the bus's own Quarkus services (access-admin, analytics), run from its build in this
 * repository ({@code <module>/target/quarkus-app/}), started once the servers it needs are
 * healthy. The build is copied into the service's state folder first, so that another
 * {@code mvn package} never changes the classes of a running service.
 */
public final class QuarkusApp extends ManagedServer {

    private final Path build;
    private final List<ManagedServer> servers;
    private final String portVariable;
    private final int port;
    private final int phase;
    private final Function<QuarkusApp, Map<String, String>> extraEnvironment;

    private QuarkusApp(String name, StackSettings settings, Path build, List<ManagedServer> servers, String portVariable,
                       int defaultPort, int phase, Function<QuarkusApp, Map<String, String>> extraEnvironment) {
        super(name, settings);
        this.build = build;
        this.servers = List.copyOf(servers);
        this.portVariable = portVariable;
        this.port = settings.port(portVariable, defaultPort);
        this.phase = phase;
        this.extraEnvironment = extraEnvironment;
    }

    /**
     * @param name the service's name in the stack, e.g. {@code admin}
     * @param module its module folder, e.g. {@code access-admin}
     * @param repoRoot the repository
     * @param settings the stack's settings
     * @param servers the servers whose endpoints it is given (GSB_BOOTSTRAP, GSB_KEYCLOAK_URL, ...)
     * @param portVariable the variable that moves its port
     * @param defaultPort its default port
     * @param phase when it starts (after the servers of lower phases are healthy)
     * @param extraEnvironment more environment variables, given this app
     * @return the service, if its module is built
     */
    public static Optional<QuarkusApp> ifBuilt(String name, String module, Path repoRoot, StackSettings settings,
                                               List<ManagedServer> servers, String portVariable, int defaultPort, int phase,
                                               Function<QuarkusApp, Map<String, String>> extraEnvironment) {
        Path build = repoRoot.resolve(module).resolve("target").resolve("quarkus-app");
        return Files.isRegularFile(build.resolve("quarkus-run.jar"))
                ? Optional.of(new QuarkusApp(name, settings, build, servers, portVariable, defaultPort, phase, extraEnvironment))
                : Optional.empty();
    }

    /** @return {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    protected int phase() {
        return phase;
    }

    @Override
    protected List<PortUse> ports() {
        return List.of(new PortUse(port, "http", portVariable));
    }

    @Override
    protected long downloadSize(Downloads downloads) {
        return 0; // built with the launcher
    }

    @Override
    protected void install(Downloads downloads, Console console) throws IOException {
        Path app = home.resolve("app");
        Files2.deleteTree(app);
        Files2.copyTree(build, app);
    }

    @Override
    protected List<String> command() {
        return List.of(currentJava(), "-Xms32m", "-Xmx384m", "-XX:+UseSerialGC",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-jar", home.resolve("app/quarkus-run.jar").toString());
    }

    @Override
    protected Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        servers.forEach(s -> env.putAll(s.endpoints()));
        env.put("QUARKUS_PROFILE", "prod");
        env.putAll(extraEnvironment.apply(this));
        return env;
    }

    @Override
    public boolean healthy() {
        return Http.ok(baseUrl() + "/q/health/ready");
    }

    @Override
    public String url() {
        return baseUrl();
    }

    @Override
    public Map<String, String> endpoints() {
        return Map.of("GSB_" + name.toUpperCase().replace('-', '_') + "_URL", baseUrl());
    }

    @Override
    protected Duration startTimeout() {
        return Duration.ofSeconds(120);
    }
}

package gov.gsb.devstack;

import gov.gsb.devstack.internal.Console;
import gov.gsb.devstack.internal.Downloads;
import gov.gsb.devstack.internal.PidFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The whole local stack: {@code up}, {@code down}, {@code status}, {@code env} and {@code logs}
 * over a list of {@link ManagedServer}s sharing one state folder.
 */
public final class Stack {

    private final StackSettings settings;
    private final List<ManagedServer> servers;
    private final Console console;
    private final Downloads downloads;

    public Stack(StackSettings settings, List<ManagedServer> servers, Console console) {
        this.settings = settings;
        this.servers = List.copyOf(servers);
        this.console = console;
        this.downloads = new Downloads(settings.mavenLocal(), settings.cacheDir().resolve("downloads"), settings.env(), console);
    }

    /** The real servers of the local stack, in start order. */
    public static List<ManagedServer> defaultServers(StackSettings settings) {
        return List.of(new KafkaBroker(settings), new KeycloakServer(settings),
                new RegistryServer(settings), new ClickHouseServer(settings));
    }

    /**
     * The real servers, and the bus's own services whose modules {@code repoRoot} holds built
     * (access-admin, analytics, the stream processors, the orchestrator of composite services, the demo agencies: the launcher's case; the devstack's
     * own tests run without them).
     */
    public static List<ManagedServer> defaultServers(StackSettings settings, Path repoRoot) {
        List<ManagedServer> servers = new ArrayList<>(defaultServers(settings));
        Path plugin = repoRoot.resolve("broker-plugin/target/gsb-broker-plugin.jar");
        if (Files.isRegularFile(plugin)) {
            // The bus as it runs in production: every client logs in, the plugin authorizes.
            KeycloakServer keycloak = (KeycloakServer) servers.get(1);
            ((KafkaBroker) servers.get(0)).secured(keycloak, plugin);
        }
        KafkaBroker kafka = (KafkaBroker) servers.get(0);
        List<ManagedServer> base = List.copyOf(servers);
        QuarkusApp.ifBuilt("admin", "access-admin", repoRoot, settings, base, "GSB_ADMIN_PORT", 8090, 2,
                app -> kafka.isSecured() ? Map.of("GSB_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                        : Map.of("GSB_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT")).ifPresent(servers::add);
        QuarkusApp.ifBuilt("analytics", "analytics", repoRoot, settings, base, "GSB_ANALYTICS_PORT", 8091, 2,
                app -> Map.of()).ifPresent(servers::add);
        JavaApp.processors(repoRoot, settings, base).ifPresent(servers::add);
        JavaApp.orchestrator(repoRoot, settings, base).ifPresent(servers::add);
        JavaApp.demo(repoRoot, settings, servers).ifPresent(servers::add);
        return List.copyOf(servers);
    }

    public List<ManagedServer> servers() {
        return servers;
    }

    /**
     * Starts every server not already running and waits until all are healthy, phase by phase
     * ({@link ManagedServer#phase()}): a phase starts once the servers of the earlier ones are
     * healthy. If any step fails, the servers this call started are stopped again and the failure
     * is rethrown.
     */
    public void up() {
        long t0 = System.nanoTime();
        console.line("GSB devstack: state in %s, downloads cached in %s and %s", settings.stateDir(),
                settings.cacheDir(), settings.mavenLocal());
        List<ManagedServer> toStart = new ArrayList<>();
        for (ManagedServer s : servers) {
            Optional<ProcessHandle> running = s.running();
            if (running.isPresent()) {
                console.line("  %-12s already running (pid %d)", s.name(), running.get().pid());
            } else {
                s.checkPortsFree();
                toStart.add(s);
            }
        }
        announceDownloads(toStart);
        List<ManagedServer> started = new ArrayList<>();
        try {
            for (ManagedServer s : toStart) {
                s.prepare(console);
            }
            for (List<ManagedServer> phase : phases(toStart)) {
                for (ManagedServer s : phase) {
                    console.line("  %-12s starting (log: %s)", s.name(), settings.stateDir().relativize(s.logFile()));
                    s.start();
                    started.add(s);
                }
                awaitAll(phase);
            }
        } catch (RuntimeException e) {
            for (ManagedServer s : started) {
                s.stop();
            }
            throw e;
        }
        console.line("The stack is up (%s). ./gsb status for health, ./gsb env for the client settings, ./gsb down to stop.",
                Console.seconds(Duration.ofNanos(System.nanoTime() - t0)));
        status();
    }

    /** The servers grouped by phase, lowest first, each group in the servers' order. */
    private static Collection<List<ManagedServer>> phases(List<ManagedServer> servers) {
        Map<Integer, List<ManagedServer>> byPhase = new TreeMap<>();
        for (ManagedServer s : servers) {
            byPhase.computeIfAbsent(s.phase(), p -> new ArrayList<>()).add(s);
        }
        return byPhase.values();
    }

    private void announceDownloads(List<ManagedServer> toStart) {
        long total = 0;
        for (ManagedServer s : toStart) {
            total += s.downloadSize(downloads);
        }
        if (total > 0) {
            console.line("First run: downloading about %s (kept in the caches above for the next runs)",
                    Console.megabytes(total));
        }
    }

    /** Waits for every server at once, reporting each as it becomes healthy; fails with the first failure. */
    private void awaitAll(List<ManagedServer> starting) {
        List<CompletableFuture<Void>> waits = starting.stream()
                .map(s -> CompletableFuture.runAsync(() -> {
                    Duration took = s.awaitHealthy();
                    console.line("  %-12s healthy after %s   %s", s.name(), Console.seconds(took), s.url());
                }))
                .toList();
        for (CompletableFuture<Void> wait : waits) {
            try {
                wait.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : e;
            }
        }
    }

    /** Stops every server this state folder started; nothing else. */
    public void down() {
        boolean any = false;
        List<ManagedServer> reversed = new ArrayList<>(servers);
        java.util.Collections.reverse(reversed);
        for (ManagedServer s : reversed) {
            Optional<ProcessHandle> h = s.running();
            if (s.stop()) {
                console.line("  %-12s stopped (pid %d)", s.name(), h.map(ProcessHandle::pid).orElse(-1L));
                any = true;
            }
        }
        if (!any) {
            console.line("Nothing to stop: no server of %s is running.", settings.stateDir());
        }
    }

    /** Prints a table of name, pid, URL and health; returns true when every server is healthy. */
    public boolean status() {
        boolean all = true;
        console.line("%-12s %-8s %-48s %s", "NAME", "PID", "URL", "HEALTHY");
        for (ManagedServer s : servers) {
            Optional<PidFile> pid = PidFile.read(s.pidFile()).filter(p -> p.live().isPresent());
            boolean healthy = pid.isPresent() && s.healthy();
            all &= healthy;
            console.line("%-12s %-8s %-48s %s", s.name(), pid.map(p -> Long.toString(p.pid())).orElse("-"),
                    s.url(), pid.isEmpty() ? "stopped" : healthy ? "yes" : "NO (./gsb logs " + s.name() + ")");
        }
        return all;
    }

    /** The {@code export NAME=value} lines a client needs, from the servers that run. */
    public List<String> env() {
        Map<String, String> vars = new LinkedHashMap<>();
        List<String> stopped = new ArrayList<>();
        for (ManagedServer s : servers) {
            Optional<PidFile> pid = PidFile.read(s.pidFile()).filter(p -> p.live().isPresent());
            if (pid.isPresent()) {
                vars.putAll(pid.get().endpoints());
            } else {
                stopped.add(s.name());
            }
        }
        if (vars.isEmpty()) {
            throw new DevstackException("the stack is not running: start it with ./gsb up");
        }
        List<String> lines = new ArrayList<>();
        stopped.forEach(n -> lines.add("# " + n + " is not running (./gsb up)"));
        vars.forEach((k, v) -> lines.add("export " + k + "=" + v));
        return lines;
    }

    /** The last lines of a server's log. */
    public List<String> logs(String name, int lines) {
        ManagedServer s = servers.stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new DevstackException("no server named " + name + ": choose one of "
                        + servers.stream().map(ManagedServer::name).toList()));
        Path log = s.logFile();
        if (!Files.exists(log)) {
            throw new DevstackException(name + " has no log yet: it has not been started from " + settings.stateDir());
        }
        try {
            List<String> all = Files.readAllLines(log);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package gov.gsb.devstack;

import gov.gsb.devstack.internal.Console;
import gov.gsb.devstack.internal.Downloads;
import gov.gsb.devstack.internal.PidFile;
import gov.gsb.devstack.internal.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One real server of the stack, run as a process of its own: how it is installed, started,
 * probed and stopped. {@code ./gsb up} and the test fixtures both drive servers through this
 * class, so what the tests prove is what the launcher runs.
 *
 * <p>A server is started in a session of its own ({@code setsid}), so that it outlives the
 * launcher and a Ctrl-C in the launcher's terminal does not reach it; {@link #stop()} stops
 * it and every process it spawned, and only a process whose pid <em>and</em> start time match
 * the pid file.
 */
public abstract class ManagedServer {

    /** A port a server listens on, and the variable that moves it. */
    public record PortUse(int port, String purpose, String variable) {
    }

    protected final String name;
    protected final StackSettings settings;
    protected final Path home;
    private Process process;
    private long startedNanos;

    protected ManagedServer(String name, StackSettings settings) {
        this.name = name;
        this.settings = settings;
        this.home = settings.home(name);
    }

    public String name() {
        return name;
    }

    /** The ports it listens on. */
    protected abstract List<PortUse> ports();

    /** Bytes a first install downloads (for the launcher's announcement); 0 when cached. */
    protected abstract long downloadSize(Downloads downloads);

    /** Downloads and unpacks what it needs, and writes its configuration. Idempotent. */
    protected abstract void install(Downloads downloads, Console console) throws IOException;

    /** The command line that runs it in the foreground. */
    protected abstract List<String> command();

    /** Extra environment for the process; a null value removes a variable the launcher's own environment has. */
    protected Map<String, String> environment() {
        return Map.of();
    }

    /**
     * When it starts: every server of a phase starts once all servers of the earlier phases are
     * healthy. The servers the others use (Kafka, Keycloak, ...) are phase 0; the applications
     * that run on them (the demo agencies) a later one.
     */
    protected int phase() {
        return 0;
    }

    /** One health probe; true when it serves. */
    public abstract boolean healthy();

    /** The URL shown by {@code status}. */
    public abstract String url();

    /** What clients need to reach it, as the variables {@code ./gsb env} prints. */
    public abstract Map<String, String> endpoints();

    /** How long a start may take before it is called failed. */
    protected Duration startTimeout() {
        return Duration.ofSeconds(120);
    }

    public Path logFile() {
        return settings.logs().resolve(name + ".log");
    }

    public Path pidFile() {
        return settings.run().resolve(name + ".pid");
    }

    /** The process started earlier by a launcher using the same state folder, if it still runs. */
    public Optional<ProcessHandle> running() {
        return PidFile.read(pidFile()).flatMap(PidFile::live);
    }

    /** Fails with the variable to set if one of its ports is taken by another program. */
    public void checkPortsFree() {
        for (PortUse use : ports()) {
            if (Ports.isTaken(use.port())) {
                throw new DevstackException("port " + use.port() + " (" + name + " " + use.purpose()
                        + ") is taken by another program: stop it, or set " + use.variable() + " to a free port");
            }
        }
    }

    /** Downloads, unpacks and configures what it needs ({@link #install}), as one step. */
    public void prepare(Console console) {
        try {
            install(new Downloads(settings.mavenLocal(), settings.cacheDir().resolve("downloads"), settings.env(), console),
                    console);
        } catch (IOException e) {
            throw new DevstackException(name + " could not be installed: " + e.getMessage()
                    + " (is the cache folder " + settings.cacheDir() + " writable?)", e);
        }
    }

    /** Starts the process (installed already) and records its pid; does not wait for health. */
    public void start() {
        List<String> cmd = new ArrayList<>();
        cmd.add("setsid");
        cmd.addAll(command());
        try {
            Files.createDirectories(home);
            Files.createDirectories(settings.logs());
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
            environment().forEach((key, value) -> {
                if (value == null) {
                    pb.environment().remove(key);
                } else {
                    pb.environment().put(key, value);
                }
            });
            startedNanos = System.nanoTime();
            process = pb.start();
            PidFile.of(process.toHandle(), endpoints()).write(pidFile());
        } catch (IOException e) {
            throw new DevstackException(name + " could not be started (" + e.getMessage() + "): read " + logFile(), e);
        }
    }

    /**
     * Waits until a probe succeeds; fails naming the log if the process dies or time runs out.
     *
     * @return the time from start to health
     */
    public Duration awaitHealthy() {
        long start = startedNanos != 0 ? startedNanos : System.nanoTime();
        long deadline = start + startTimeout().toNanos();
        while (!healthy()) {
            ProcessHandle handle = running().orElse(null);
            if (handle == null) {
                String code = process != null && !process.isAlive() ? " with code " + process.exitValue() : "";
                throw new DevstackException(name + " exited during start" + code + ": read " + logFile());
            }
            if (System.nanoTime() > deadline) {
                throw new DevstackException(name + " did not become healthy within " + startTimeout().toSeconds()
                        + " s: read " + logFile());
            }
            sleep(250);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Stops the process and everything it spawned; true if there was one to stop. */
    public boolean stop() {
        Optional<ProcessHandle> handle = running();
        handle.ifPresent(ManagedServer::terminate);
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return handle.isPresent();
    }

    private static void terminate(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
        all.add(root);
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevstackException("interrupted while waiting", e);
        }
    }

    /** The {@code java} the launcher itself runs on. */
    protected static String currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

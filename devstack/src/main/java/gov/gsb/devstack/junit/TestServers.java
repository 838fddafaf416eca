package gov.gsb.devstack.junit;

import gov.gsb.devstack.ClickHouseServer;
import gov.gsb.devstack.KafkaBroker;
import gov.gsb.devstack.KeycloakServer;
import gov.gsb.devstack.ManagedServer;
import gov.gsb.devstack.RegistryServer;
import gov.gsb.devstack.StackSettings;
import gov.gsb.devstack.internal.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The real servers of a test JVM: each started on demand, once, on free random ports, through
 * the same {@link ManagedServer} code as {@code ./gsb up}, and stopped, newest first, when the
 * JUnit launcher session ends ({@link StopServersAtSessionEnd}), or at the latest when the JVM exits.
 * Their state and logs stay under {@code target/gsb-servers/} of the module being tested.
 *
 * <p>Why not only a shutdown hook: Kafka's test kit deletes its log directories in a shutdown hook
 * of its own, and hooks run concurrently; a broker still running when its directory vanishes halts
 * the JVM with a non-zero status, which Surefire reports as a crashed fork after every test passed.
 */
public final class TestServers {

    private static final Map<Class<?>, CompletableFuture<Object>> STARTED = new ConcurrentHashMap<>();
    private static final Path ROOT = stateRoot();

    private TestServers() {
    }

    /** The in-JVM Kafka broker (plaintext) shared by this JVM's tests. */
    public static InJvmKafka kafka() {
        return get(InJvmKafka.class);
    }

    /** The in-JVM broker secured with OAuth and the broker plugin, against {@link #keycloak()}. */
    public static SecuredKafka securedKafka() {
        return get(SecuredKafka.class);
    }

    /** Keycloak with the realm {@code gsb}. */
    public static KeycloakServer keycloak() {
        return get(KeycloakServer.class);
    }

    /** Apicurio Registry (BACKWARD). */
    public static RegistryServer registry() {
        return get(RegistryServer.class);
    }

    /** ClickHouse 26.7. */
    public static ClickHouseServer clickhouse() {
        return get(ClickHouseServer.class);
    }

    /** Whether {@code type} is a server this class can provide. */
    public static boolean provides(Class<?> type) {
        return type == InJvmKafka.class || type == SecuredKafka.class || type == KeycloakServer.class || type == RegistryServer.class
                || type == ClickHouseServer.class;
    }

    /** Starts a server in the background if it is not started yet (so several start at once). */
    public static void prestart(Class<?> type) {
        STARTED.computeIfAbsent(type, t -> CompletableFuture.supplyAsync(() -> create(t)));
    }

    @SuppressWarnings("unchecked")
    static <T> T get(Class<T> type) {
        prestart(type);
        try {
            return (T) STARTED.get(type).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static Object create(Class<?> type) {
        if (type == InJvmKafka.class) {
            InJvmKafka kafka = InJvmKafka.start(Map.of());
            onStop(kafka::close);
            return kafka;
        }
        if (type == SecuredKafka.class) {
            SecuredKafka kafka = SecuredKafka.start(keycloak(), Map.of());
            onStop(kafka.kafka()::close);
            return kafka;
        }
        Function<StackSettings, ManagedServer> factory;
        if (type == KeycloakServer.class) {
            factory = KeycloakServer::new;
        } else if (type == RegistryServer.class) {
            factory = RegistryServer::new;
        } else if (type == ClickHouseServer.class) {
            factory = ClickHouseServer::new;
        } else if (type == KafkaBroker.class) {
            factory = KafkaBroker::new;
        } else {
            throw new IllegalArgumentException("no test server of type " + type.getName());
        }
        return startProcess(factory);
    }

    /** Starts a process server in its own state folder under this JVM's test root. */
    public static <S extends ManagedServer> S startProcess(Function<StackSettings, S> factory) {
        StackSettings settings = StackSettings.forTests(ROOT);
        S server = factory.apply(settings);
        Console console = new Console(System.err, false);
        server.prepare(console);
        server.start();
        onStop(server::stop);
        try {
            server.awaitHealthy();
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
        return server;
    }

    /**
     * Stops every server this JVM started, the newest first (a secured broker before the Keycloak
     * it validates against); idempotent. A server that fails to stop does not keep the others up.
     */
    public static void stopAll() {
        ServerStops.runAll();
    }

    /**
     * Has {@code server} closed with this JVM's other test servers (when the JUnit session ends),
     * for a server a test module starts itself, e.g. a broker with settings of its own.
     */
    public static void closeAtEnd(AutoCloseable server) {
        onStop(() -> {
            try {
                server.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A new, empty folder for a server's data under this JVM's test root. */
    static Path newServerDirectory(String name) {
        try {
            return Files.createTempDirectory(ROOT, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void onStop(Runnable stop) {
        ServerStops.add(stop);
    }

    private static Path stateRoot() {
        Path base = Files.isDirectory(Path.of("target")) ? Path.of("target", "gsb-servers")
                : Path.of(System.getProperty("java.io.tmpdir"), "gsb-servers");
        try {
            Path root = base.resolve("jvm-" + ProcessHandle.current().pid()).toAbsolutePath();
            Files.createDirectories(root);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

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
import java.util.stream.Stream;

/**
 * Keycloak with the realm {@code gsb} imported from {@code gsb-realm.json} (kept in this module).
 *
 * <p>The distribution is unpacked and built ({@code kc.sh build}) once in the cache; each
 * state folder gets a light instance of it (its own {@code bin/kc.sh}, {@code conf/} and
 * {@code data/}, links to the shared {@code lib/}, {@code themes/} and {@code providers/}),
 * so {@code ./gsb up} and any number of test JVMs share one 500 MB install.
 */
public final class KeycloakServer extends ManagedServer {

    /** The realm every part of the bus uses. */
    public static final String REALM = "gsb";
    /** The audience the realm puts into access tokens for the bus. */
    public static final String AUDIENCE = "gsb";
    /** The agencies of the realm (the demo agencies and the orchestrator of composite services): each a group under /agencies and a confidential client. */
    public static final List<String> AGENCIES = List.of("civil-registry", "tax", "utilities", "single-window", "orchestrator");

    static final String VERSION = "26.7.3";
    private static final String DIST = "org.keycloak:keycloak-quarkus-dist:" + VERSION + ":zip";
    private static final String BUILD_OPTIONS = "--db=dev-file --health-enabled=true";

    private final int port;
    private final int managementPort;

    public KeycloakServer(StackSettings settings) {
        super("keycloak", settings);
        this.port = settings.port("GSB_KEYCLOAK_PORT", 8080);
        this.managementPort = settings.port("GSB_KEYCLOAK_MANAGEMENT_PORT", 9990);
    }

    /** {@code http://127.0.0.1:<port>}: the server's root. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The realm's URL, which is also the issuer ({@code iss}) of its tokens. */
    public String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String tokenUrl() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    public String jwksUrl() {
        return realmUrl() + "/protocol/openid-connect/certs";
    }

    /** The dev-only secret of a confidential client of the realm (they follow one pattern). */
    public static String devSecret(String clientId) {
        return clientId + "-dev-secret";
    }

    @Override
    protected List<PortUse> ports() {
        return List.of(new PortUse(port, "http", "GSB_KEYCLOAK_PORT"),
                new PortUse(managementPort, "management", "GSB_KEYCLOAK_MANAGEMENT_PORT"));
    }

    private Path dist() {
        return settings.cacheDir().resolve("keycloak-" + VERSION);
    }

    @Override
    protected long downloadSize(Downloads downloads) {
        return Files.isDirectory(dist()) || downloads.hasMaven(DIST) ? 0 : 177_000_000L;
    }

    @Override
    protected void install(Downloads downloads, Console console) throws IOException {
        Path seed = Files2.locked(settings.cacheDir().resolve(".keycloak.lock"), () -> {
            installDistribution(downloads, console);
            return seedDatabase(console);
        });
        makeInstance(seed);
    }

    /**
     * A database with the realm already imported, made once per realm file in the cache: a new
     * instance starts from a copy of it instead of creating its schema and importing the realm,
     * which saves 10 to 25 s on every fresh start (each test JVM, each fresh clone).
     */
    private Path seedDatabase(Console console) throws IOException {
        byte[] realm = Files2.resource("gsb-realm.json");
        Path seed = settings.cacheDir().resolve("keycloak-" + VERSION + "-realm-" + Files2.sha256(realm).substring(0, 16));
        if (Files.isDirectory(seed.resolve("h2"))) {
            return seed;
        }
        console.line("  importing the realm gsb into a seed database (once per realm file, ~30 s)");
        Path work = settings.cacheDir().resolve("keycloak-seeding");
        Files2.deleteTree(work);
        linkInstance(work);
        Path realmFile = work.resolve("gsb-realm.json");
        Files.write(realmFile, realm);
        ProcessBuilder pb = new ProcessBuilder("sh", work.resolve("bin/kc.sh").toString(), "import", "--optimized",
                "--file=" + realmFile).directory(work.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Files2.run(pb, "kc.sh import");
        Files.createDirectories(seed);
        Files.move(work.resolve("data/h2"), seed.resolve("h2"));
        Files2.deleteTree(work);
        return seed;
    }

    private void installDistribution(Downloads downloads, Console console) throws IOException {
        Path built = dist().resolve(".gsb-built");
        if (Files.isRegularFile(built) && Files.readString(built).equals(BUILD_OPTIONS)) {
            return;
        }
        Path zip = downloads.maven(DIST);
        if (!Files.isDirectory(dist().resolve("lib"))) {
            console.line("  unpacking Keycloak %s into %s", VERSION, dist());
            Path tmp = settings.cacheDir().resolve("keycloak-unpacking");
            Files2.deleteTree(tmp);
            Files2.unzip(zip, tmp);
            Files.move(tmp.resolve("keycloak-" + VERSION), dist());
            Files2.deleteTree(tmp);
        }
        console.line("  building Keycloak for the dev database (once, ~30 s)");
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder("sh", dist().resolve("bin/kc.sh").toString(), "build",
                "--db=dev-file", "--health-enabled=true");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Files2.run(pb, "kc.sh build");
        Files.writeString(built, BUILD_OPTIONS);
        console.line("  Keycloak built in %s", Console.seconds(Duration.ofNanos(System.nanoTime() - t0)));
    }

    /** This state folder's instance: its own kc.sh, conf and data; links to the shared install. */
    private void makeInstance(Path seed) throws IOException {
        linkInstance(home);
        Files.createDirectories(home.resolve("data/import"));
        byte[] realm = Files2.resource("gsb-realm.json");
        Path hashFile = home.resolve("data/realm.sha256");
        String hash = Files2.sha256(realm);
        // --import-realm skips a realm that exists: a changed realm file means a fresh database.
        if (!Files.isRegularFile(hashFile) || !Files.readString(hashFile).equals(hash)) {
            Files2.deleteTree(home.resolve("data/h2"));
            Files.writeString(hashFile, hash);
        }
        if (!Files.isDirectory(home.resolve("data/h2"))) {
            Files2.copyTree(seed.resolve("h2"), home.resolve("data/h2"));
        }
        Files.write(home.resolve("data/import/gsb-realm.json"), realm);
    }

    private void linkInstance(Path instance) throws IOException {
        Files.createDirectories(instance.resolve("bin"));
        Files.copy(dist().resolve("bin/kc.sh"), instance.resolve("bin/kc.sh"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        for (String shared : List.of("lib", "themes", "providers")) {
            Path link = instance.resolve(shared);
            if (!Files.isSymbolicLink(link)) {
                Files2.deleteTree(link);
                Files.createSymbolicLink(link, dist().resolve(shared));
            }
        }
        if (!Files.isDirectory(instance.resolve("conf"))) {
            Files.createDirectories(instance.resolve("conf"));
            try (Stream<Path> s = Files.list(dist().resolve("conf"))) {
                for (Path f : s.toList()) {
                    Files.copy(f, instance.resolve("conf").resolve(f.getFileName()));
                }
            }
        }
    }

    @Override
    protected List<String> command() {
        return List.of("sh", home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + managementPort, "--hostname=" + baseUrl(),
                "--import-realm", "--log-level=info");
    }

    @Override
    protected Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        // The master realm's bootstrap administrator: local stack only.
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        return env;
    }

    @Override
    public boolean healthy() {
        return Http.ok("http://127.0.0.1:" + managementPort + "/health/ready");
    }

    @Override
    public String url() {
        return realmUrl();
    }

    @Override
    public Map<String, String> endpoints() {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("GSB_KEYCLOAK_URL", realmUrl());
        e.put("GSB_TOKEN_URL", tokenUrl());
        // The bus's own services' client (role admin): access-admin, stream processors, the demo's set-up.
        e.put("GSB_SERVICES_CLIENT_SECRET", devSecret(BrokerSecurity.SERVICES_CLIENT));
        e.put("GSB_PORTAL_CLIENT_SECRET", devSecret("gsb-portal"));
        for (String agency : AGENCIES) {
            String var = "GSB_" + agency.toUpperCase().replace('-', '_');
            e.put(var + "_CLIENT_ID", agency);
            e.put(var + "_CLIENT_SECRET", devSecret(agency));
        }
        return e;
    }

    @Override
    protected Duration startTimeout() {
        return Duration.ofSeconds(180);
    }
}

package gov.gsb.devstack;

import gov.gsb.devstack.internal.Console;
import gov.gsb.devstack.internal.Downloads;
import gov.gsb.devstack.internal.Files2;
import gov.gsb.devstack.internal.Http;
import gov.gsb.devstack.internal.Jdks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Apicurio Registry with BACKWARD as the global compatibility rule and its data in an H2 file.
 * Clients use its Confluent-compatible API ({@link #ccompatUrl()}). It needs a JDK of at
 * least 21: {@code GSB_JAVA21_HOME} names one, else the usual install folders are searched.
 */
public final class RegistryServer extends ManagedServer {

    static final String VERSION = "3.3.3";
    private static final String DIST = "io.apicurio:apicurio-registry-app:" + VERSION + ":all:tar.gz";

    private final int port;
    private final int managementPort;
    private Path java;

    public RegistryServer(StackSettings settings) {
        super("registry", settings);
        this.port = settings.port("GSB_REGISTRY_PORT", 8081);
        this.managementPort = settings.port("GSB_REGISTRY_MANAGEMENT_PORT", 9991);
    }

    /** The Confluent Schema Registry API v7 base URL that the SDK serdes use. */
    public String ccompatUrl() {
        return "http://127.0.0.1:" + port + "/apis/ccompat/v7";
    }

    @Override
    protected List<PortUse> ports() {
        return List.of(new PortUse(port, "http", "GSB_REGISTRY_PORT"),
                new PortUse(managementPort, "management", "GSB_REGISTRY_MANAGEMENT_PORT"));
    }

    private Path dist() {
        return settings.cacheDir().resolve("apicurio-registry-" + VERSION);
    }

    @Override
    protected long downloadSize(Downloads downloads) {
        return Files.isDirectory(dist()) || downloads.hasMaven(DIST) ? 0 : 159_000_000L;
    }

    @Override
    protected void install(Downloads downloads, Console console) throws IOException {
        java = Jdks.find(21, "GSB_JAVA21_HOME", settings.env()).orElseThrow(() -> new DevstackException(
                "Apicurio Registry needs a JDK 21 or newer and none was found (searched GSB_JAVA21_HOME, "
                        + "/usr/lib/jvm, /opt/java): install one, e.g. Temurin 25, and set GSB_JAVA21_HOME to its folder"));
        Files2.locked(settings.cacheDir().resolve(".registry.lock"), () -> {
            if (!Files.isRegularFile(dist().resolve("quarkus-run.jar"))) {
                Path archive = downloads.maven(DIST);
                console.line("  unpacking Apicurio Registry %s into %s", VERSION, dist());
                Files2.untarWhole(archive, dist());
            }
            return null;
        });
        Files.createDirectories(home.resolve("data"));
    }

    @Override
    protected List<String> command() {
        return List.of(java.toString(), "-Xms64m", "-Xmx512m",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + managementPort,
                "-Dapicurio.rules.global.compatibility=BACKWARD",
                "-Dapicurio.datasource.url=jdbc:h2:file:" + home.resolve("data/registry"),
                "-jar", dist().resolve("quarkus-run.jar").toString());
    }

    @Override
    public boolean healthy() {
        return Http.ok("http://127.0.0.1:" + managementPort + "/health/ready");
    }

    @Override
    public String url() {
        return ccompatUrl();
    }

    @Override
    public Map<String, String> endpoints() {
        return Map.of("GSB_REGISTRY_URL", ccompatUrl());
    }
}

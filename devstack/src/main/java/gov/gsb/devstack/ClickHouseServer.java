package gov.gsb.devstack;

import gov.gsb.devstack.internal.Console;
import gov.gsb.devstack.internal.Downloads;
import gov.gsb.devstack.internal.Files2;
import gov.gsb.devstack.internal.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * ClickHouse 26.7 for the local stack and the tests: the engine ships on npm as
 * {@code libchdb.so} (clickhouse-local as a library); a ten-line C launcher, compiled here with
 * gcc, runs it with a query that opens the HTTP and native listeners and then blocks. That is a
 * real ClickHouse server on loopback; production runs clickhouse-server (see the Helm chart).
 */
public final class ClickHouseServer extends ManagedServer {

    static final String NPM_PACKAGE = "@chdb/lib-linux-x64-gnu";
    static final String VERSION = "26.7.3-stable.1";

    // The listeners of clickhouse-local are off until asked; the last query keeps it serving.
    private static final String SERVE = "SYSTEM START LISTEN HTTP; SYSTEM START LISTEN TCP; "
            + "SELECT count() FROM system.numbers WHERE sleepEachRow(1) = 1 SETTINGS max_block_size = 1";

    private final int httpPort;
    private final int tcpPort;
    private Path launcher;

    public ClickHouseServer(StackSettings settings) {
        super("clickhouse", settings);
        this.httpPort = settings.port("GSB_CLICKHOUSE_HTTP_PORT", 8123);
        this.tcpPort = settings.port("GSB_CLICKHOUSE_TCP_PORT", 9000);
    }

    /** The HTTP interface, e.g. {@code http://127.0.0.1:8123}. */
    public String httpUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** A JDBC URL for {@code clickhouse-jdbc} (over HTTP). */
    public String jdbcUrl() {
        return "jdbc:clickhouse://127.0.0.1:" + httpPort + "/default";
    }

    @Override
    protected List<PortUse> ports() {
        return List.of(new PortUse(httpPort, "http", "GSB_CLICKHOUSE_HTTP_PORT"),
                new PortUse(tcpPort, "native", "GSB_CLICKHOUSE_TCP_PORT"));
    }

    private Path dist() {
        return settings.cacheDir().resolve("chdb-" + VERSION);
    }

    @Override
    protected long downloadSize(Downloads downloads) {
        return Files.isDirectory(dist()) || downloads.hasNpm(NPM_PACKAGE, VERSION) ? 0 : 178_000_000L;
    }

    @Override
    protected void install(Downloads downloads, Console console) throws IOException {
        launcher = Files2.locked(settings.cacheDir().resolve(".clickhouse.lock"), () -> {
            if (!Files.isRegularFile(dist().resolve("package/libchdb.so"))) {
                Path tgz = downloads.npm(NPM_PACKAGE, VERSION);
                console.line("  unpacking the ClickHouse engine (%s) into %s", VERSION, dist());
                Files2.untarWhole(tgz, dist());
            }
            return compileLauncher();
        });
        Files.createDirectories(home.resolve("data"));
        Files.write(home.resolve("config.xml"), Files2.resource("clickhouse-config.xml"));
    }

    /** Compiles the C launcher once per version of its source. */
    private Path compileLauncher() throws IOException {
        byte[] source = Files2.resource("gsb-clickhouse.c");
        Path binary = dist().resolve("gsb-clickhouse-" + Files2.sha256(source).substring(0, 12));
        if (Files.isExecutable(binary)) {
            return binary;
        }
        Path c = dist().resolve("gsb-clickhouse.c");
        Files.write(c, source);
        try {
            Files2.run(new ProcessBuilder("gcc", "-O2", "-o", binary.toString(), c.toString(), "-ldl"), "gcc");
        } catch (IOException e) {
            throw new DevstackException("compiling the ClickHouse launcher failed (" + e.getMessage()
                    + "): install gcc (apt-get install gcc)", e);
        }
        return binary;
    }

    @Override
    protected List<String> command() {
        return List.of(launcher.toString(),
                "--path=" + home.resolve("data") + "/",
                "--config-file=" + home.resolve("config.xml"),
                "--listen_host=127.0.0.1",
                "--http_port=" + httpPort,
                "--tcp_port=" + tcpPort,
                "--logger.level=information",
                "--query=" + SERVE);
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("GSB_CHDB_LIB", dist().resolve("package/libchdb.so").toString());
    }

    @Override
    public boolean healthy() {
        return Http.ok(httpUrl() + "/ping");
    }

    @Override
    public String url() {
        return httpUrl();
    }

    @Override
    public Map<String, String> endpoints() {
        return Map.of("GSB_CLICKHOUSE_URL", httpUrl());
    }

}

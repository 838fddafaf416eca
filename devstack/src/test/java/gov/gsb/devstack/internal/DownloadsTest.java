package gov.gsb.devstack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import gov.gsb.devstack.DevstackException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadsTest {

    private static final byte[] CONTENT = "the distribution".repeat(1000).getBytes(StandardCharsets.UTF_8);
    private static final String PATH = "/org/example/dist/1.0/dist-1.0.zip";

    @TempDir
    Path dir;
    private HttpServer server;
    private final Map<String, byte[]> files = new HashMap<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private Downloads downloads;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = files.get(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        downloads = new Downloads(dir.resolve("m2"), dir.resolve("npm"),
                Map.of("GSB_MAVEN_REPOSITORY_URL", base, "GSB_NPM_REGISTRY_URL", base),
                new Console(new PrintStream(printed, true, StandardCharsets.UTF_8), false));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldDownloadIntoTheMavenLayoutShowingProgressAndVerifyingSha1() throws Exception {
        files.put(PATH, CONTENT);
        files.put(PATH + ".sha1", hex("SHA-1", CONTENT).getBytes(StandardCharsets.UTF_8));

        Path file = downloads.maven("org.example:dist:1.0:zip");

        assertThat(file).isEqualTo(dir.resolve("m2" + PATH)).hasBinaryContent(CONTENT);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("downloading dist-1.0.zip", "100%");
        assertThat(downloads.hasMaven("org.example:dist:1.0:zip")).isTrue();
    }

    @Test
    void shouldRefuseACorruptDownloadAndKeepNothing() {
        files.put(PATH, CONTENT);
        files.put(PATH + ".sha1", hex("SHA-1", "something else".getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> downloads.maven("org.example:dist:1.0:zip"))
                .isInstanceOf(DevstackException.class)
                .hasMessageContaining("is corrupt (SHA-1 mismatch)");
        assertThat(dir.resolve("m2" + PATH)).doesNotExist();
        assertThat(dir.resolve("m2" + PATH + ".part")).doesNotExist();
    }

    @Test
    void shouldNameTheMirrorVariableWhenTheArtifactIsMissing() {
        assertThatThrownBy(() -> downloads.maven("org.example:dist:1.0:zip"))
                .isInstanceOf(DevstackException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("GSB_MAVEN_REPOSITORY_URL");
    }

    @Test
    void shouldFetchAnNpmTarballCheckedAgainstItsIntegrity() throws Exception {
        String integrity = "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(CONTENT));
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        files.put("/@scope%2fpkg/2.0", ("{\"dist\":{\"integrity\":\"" + integrity + "\",\"tarball\":\"" + base
                + "/pkg-2.0.tgz\"}}").getBytes(StandardCharsets.UTF_8));
        files.put("/@scope/pkg/2.0", files.get("/@scope%2fpkg/2.0")); // the server may decode %2f
        files.put("/pkg-2.0.tgz", CONTENT);

        Path file = downloads.npm("@scope/pkg", "2.0");

        assertThat(file).hasBinaryContent(CONTENT);
        assertThat(downloads.hasNpm("@scope/pkg", "2.0")).isTrue();
    }

    private static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

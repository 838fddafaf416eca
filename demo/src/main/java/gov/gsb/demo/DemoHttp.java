package gov.gsb.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The demo's tiny HTTP endpoint on 127.0.0.1, for the launcher and for people:
 * {@code GET /health} answers 200 once every agency's clients run (503 before), and
 * {@code GET /stats} the counts per agency and outcome as JSON.
 */
final class DemoHttp implements AutoCloseable {

    private final HttpServer server;

    private DemoHttp(HttpServer server) {
        this.server = server;
    }

    /**
     * @param port the port on 127.0.0.1, or 0 for any free one
     * @param healthy whether the demo runs
     * @param stats the JSON of {@code /stats}
     * @return the running endpoint
     * @throws IllegalStateException (fatal) if the port is taken
     */
    static DemoHttp start(int port, BooleanSupplier healthy, Supplier<String> stats) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/health", x -> {
                boolean ok = healthy.getAsBoolean();
                send(x, ok ? 200 : 503, "text/plain", ok ? "ok\n" : "starting (or an agency's subscriber stopped)\n");
            });
            server.createContext("/stats", x -> send(x, 200, "application/json", stats.get() + "\n"));
            server.createContext("/", x -> send(x, 404, "text/plain", "try /health or /stats\n"));
            server.start();
            return new DemoHttp(server);
        } catch (BindException e) {
            throw new IllegalStateException("port " + port + " is taken by another program: stop it, or set GSB_DEMO_PORT "
                    + "to a free port", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    /** @return the port it listens on */
    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

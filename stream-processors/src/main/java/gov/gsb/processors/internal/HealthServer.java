package gov.gsb.processors.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The processors' HTTP endpoint: {@code GET /health} and {@code GET /lag} (JSON), for probes and people; the
 * orchestrator's {@code GET /health}.
 */
public final class HealthServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    private HealthServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * @param host the address to listen on
     * @param port the port, 0 for any free one
     * @param status the answers
     * @return the running endpoint
     * @throws IllegalStateException (fatal) if the port is taken
     */
    public static HealthServer start(String host, int port, Status status) {
        Map<String, Supplier<Status.Answer>> routes = new LinkedHashMap<>();
        routes.put("/health", status::health);
        routes.put("/lag", status::lag);
        return start(host, port, "GSB_PROCESSORS_PORT", routes);
    }

    /**
     * @param host the address to listen on
     * @param port the port, 0 for any free one
     * @param portVariable the setting that gives the port, named when it is taken
     * @param routes each path's answer (GET); any other path answers 404 naming them
     * @return the running endpoint
     * @throws IllegalStateException (fatal) if the port is taken
     */
    public static HealthServer start(String host, int port, String portVariable,
                                     Map<String, Supplier<Status.Answer>> routes) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            routes.forEach((path, answer) -> server.createContext(path, x -> send(x, answer)));
            String paths = String.join(" or ", routes.keySet());
            server.createContext("/", x -> send(x, () -> new Status.Answer(404, "{\"error\":\"try " + paths + "\"}")));
            ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "gsb-processors-http");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            server.start();
            return new HealthServer(server, executor);
        } catch (BindException e) {
            throw new IllegalStateException("port " + port + " is taken by another program: stop it, or set "
                    + portVariable + " to a free port", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(HttpExchange exchange, Supplier<Status.Answer> answer) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            Status.Answer a = answer.get();
            byte[] bytes = (a.json() + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(a.code(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** @return the port it listens on */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

package gov.gsb.processors.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** The processors' HTTP endpoint: {@code GET /health} and {@code GET /lag} (JSON), for probes and people. */
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
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            server.createContext("/health", x -> send(x, status::health));
            server.createContext("/lag", x -> send(x, status::lag));
            server.createContext("/", x -> send(x, () -> new Status.Answer(404, "{\"error\":\"try /health or /lag\"}")));
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
                    + "GSB_PROCESSORS_PORT to a free port", e);
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

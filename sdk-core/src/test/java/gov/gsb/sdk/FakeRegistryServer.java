package gov.gsb.sdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A tiny HTTP server that plays a Confluent-compatible registry: it records each request and answers what the test
 * scripted, so tests can count calls and check the mapping of every status.
 */
public final class FakeRegistryServer implements AutoCloseable {

    /** What the client sent; {@code path} is relative to {@link #url()}. */
    public record Request(String method, String path, String contentType, String authorization, String body) {
    }

    /** What to answer, after an optional delay. */
    public record Answer(int status, String body, long delayMillis) {

        /** @return a JSON answer, at once */
        public static Answer of(int status, String body) {
            return new Answer(status, body, 0);
        }

        /** @return a registry's JSON error */
        public static Answer error(int status, int code, String message) {
            return of(status, "{\"error_code\":" + code + ",\"message\":\"" + message + "\"}");
        }
    }

    private static final String PREFIX = "/apis/ccompat/v7";

    /** Every request received, in order. */
    public final List<Request> requests = new CopyOnWriteArrayList<>();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private volatile Function<Request, Answer> answers = r -> Answer.error(500, 50001, "nothing scripted");

    /** Starts on a free port of 127.0.0.1. */
    public FakeRegistryServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** @return the API base, like Apicurio's {@code /apis/ccompat/v7} */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PREFIX;
    }

    /** @param script what to answer to each request */
    public void answer(Function<Request, Answer> script) {
        this.answers = script;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        Request request = new Request(exchange.getRequestMethod(),
                path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path,
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(request);
        Answer answer = answers.apply(request);
        try {
            Thread.sleep(answer.delayMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

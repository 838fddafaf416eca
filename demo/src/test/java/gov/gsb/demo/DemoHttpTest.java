package gov.gsb.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** {@code /health} and {@code /stats}, and the JSON of the counts. */
class DemoHttpTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static HttpResponse<String> get(DemoHttp http, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldAnswerHealthOnlyOnceTheDemoRunsAndServeTheCounts() throws Exception {
        AtomicBoolean running = new AtomicBoolean();
        Stats stats = new Stats();
        stats.count("single-window", "address-change.SUCCESS");
        stats.count("single-window", "address-change.SUCCESS");
        stats.count("single-window", "address-change.INVALID_POSTAL_CODE");
        stats.count("tax", "address-changed.registered");
        try (DemoHttp http = DemoHttp.start(0, running::get, () -> stats.toJson(Map.of("uptimeSeconds", 3)))) {
            assertThat(get(http, "/health").statusCode()).isEqualTo(503);
            running.set(true);
            assertThat(get(http, "/health").statusCode()).isEqualTo(200);

            HttpResponse<String> r = get(http, "/stats");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
            assertThat(r.body().strip()).isEqualTo("{\"uptimeSeconds\":3,\"agencies\":{"
                    + "\"single-window\":{\"address-change.INVALID_POSTAL_CODE\":1,\"address-change.SUCCESS\":2},"
                    + "\"tax\":{\"address-changed.registered\":1}}}");
            assertThat(get(http, "/nothing").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void shouldSumUpTheCitizensResultsInOneLine() {
        Stats stats = new Stats();
        stats.count("single-window", "address-change.SUCCESS");
        stats.count("single-window", "poll-vote-cast.SUCCESS");
        stats.count("single-window", "address-change.TIMEOUT");
        stats.count("tax", "address-changed.dead-lettered");

        assertThat(Summary.line(stats, 12))
                .isEqualTo("3 calls: SUCCESS 2, TIMEOUT 1 | tax register 12, dead letters 1, bills held back 0");
        assertThat(Summary.line(new Stats(), 0)).isEqualTo("0 calls: | tax register 0, dead letters 0, bills held back 0");
    }
}

package gov.gsb.processors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.processors.Table;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

class StatusTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.RUNNING);
    private final InsertStats inserts = new InsertStats(Clock.fixed(NOW, ZoneOffset.UTC));
    private final AtomicReference<Status.LagSource> lag = new AtomicReference<>(() -> List.of(
            new LagReport.PartitionLag("gsb.calls", 0, 90L, 100), new LagReport.PartitionLag("gsb.audit", 0, null, 3)));
    private final Status status = new Status(state::get, Map::of, inserts, new AtomicLong(2), () -> lag.get().partitions());

    @Test
    void shouldBeUpWhileStreamsRunsAndClickHouseTakesRows() {
        inserts.succeeded(Table.CALLS, 10);

        Status.Answer a = status.health();

        assertThat(a.code()).isEqualTo(200);
        assertThat(a.json()).startsWith("{\"status\":\"UP\",\"streams\":\"RUNNING\",\"clickhouse\":{\"status\":\"UP\","
                + "\"lastInsertAt\":\"2026-03-01T10:00:00Z\"").contains("\"rows\":{\"calls\":10,\"calls_per_minute\":0,"
                + "\"audit\":0}").contains("\"deadLetters\":2");
    }

    @Test
    void shouldBeDegradedButServingWhileClickHouseIsAway() {
        inserts.failed(Table.CALLS, new IOException("Connection refused"));

        Status.Answer a = status.health();

        assertThat(a.code()).isEqualTo(200);
        assertThat(a.json()).contains("\"status\":\"DEGRADED\"").contains("\"status\":\"FAILING\"")
                .contains("\"failingSince\":\"2026-03-01T10:00:00Z\"").contains("Connection refused");
    }

    @Test
    void shouldBeDownWhenStreamsDoesNotRun() {
        state.set(KafkaStreams.State.ERROR);

        assertThat(status.health().code()).isEqualTo(503);
        assertThat(status.health().json()).startsWith("{\"status\":\"DOWN\",\"streams\":\"ERROR\"");
    }

    @Test
    void shouldBeStartingWhileWaitingForClickHouse() {
        state.set(KafkaStreams.State.CREATED);

        assertThat(status.health().code()).isEqualTo(503);
        assertThat(status.health().json()).startsWith("{\"status\":\"STARTING\"");
    }

    @Test
    void shouldReportEachPartitionsLagAndTheLastInsert() {
        inserts.succeeded(Table.AUDIT, 1);

        Status.Answer a = status.lag();

        assertThat(a.code()).isEqualTo(200);
        assertThat(a.json()).isEqualTo("{\"partitions\":["
                + "{\"topic\":\"gsb.calls\",\"partition\":0,\"committed\":90,\"end\":100,\"lag\":10},"
                + "{\"topic\":\"gsb.audit\",\"partition\":0,\"committed\":null,\"end\":3,\"lag\":3}],"
                + "\"totalLag\":13,\"lastInsertAt\":\"2026-03-01T10:00:00Z\",\"lastInsertAtByTable\":{\"calls\":null,"
                + "\"calls_per_minute\":null,\"audit\":\"2026-03-01T10:00:00Z\"},\"clickhouseFailingSince\":null}");
    }

    @Test
    void shouldAnswer503WhenTheBrokersDoNotAnswer() {
        lag.set(() -> {
            throw new java.util.concurrent.TimeoutException("no answer");
        });

        assertThat(status.lag().code()).isEqualTo(503);
        assertThat(status.lag().json()).contains("no answer");
    }

    @Test
    void shouldServeHealthAndLagOverHttp() throws Exception {
        try (HealthServer server = HealthServer.start("127.0.0.1", 0, status)) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();

            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base + "/lag"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
            assertThat(health.body()).startsWith("{\"status\":\"UP\"");
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(other.statusCode()).isEqualTo(404);
        }
    }
}

package gov.gsb.analytics.query;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs {@link SqlQuery}s on ClickHouse's HTTP interface with the JDK's HTTP client: the SQL as the request body, each
 * parameter as {@code param_<name>} in the URL (ClickHouse binds them; they are never part of the SQL text).
 *
 * <pre>{@code
 * ClickHouseHttp ch = new ClickHouseHttp(URI.create("http://127.0.0.1:8123"), "default", "default", "", Duration.ofSeconds(30));
 * List<Rate> rows = ch.rows(DashboardQueries.byProvider(filter), Rate.class);
 * }</pre>
 */
public final class ClickHouseHttp {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final URI url;
    private final String database;
    private final String user;
    private final String password;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param url the HTTP interface, e.g. {@code http://127.0.0.1:8123}
     * @param database the database of the tables
     * @param user the ClickHouse user (give the dashboards a read-only one)
     * @param password its password (never logged)
     * @param timeout the longest a query may run (sent to ClickHouse as {@code max_execution_time} too)
     */
    public ClickHouseHttp(URI url, String database, String user, String password, Duration timeout) {
        this.url = url;
        this.database = database;
        this.user = user;
        this.password = password;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * @return the rows of a query, each read from one JSON object into {@code type} (columns named as its fields)
     * @throws ClickHouseException if ClickHouse is away (retriable) or refuses the query (fatal)
     */
    public <T> List<T> rows(SqlQuery query, Class<T> type) {
        try {
            return rowsAsync(query, type).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof ClickHouseException c ? c : new ClickHouseException(e.getMessage(), false, e);
        }
    }

    /** {@link #rows} without waiting: several dashboard queries run at once. */
    public <T> CompletableFuture<List<T>> rowsAsync(SqlQuery query, Class<T> type) {
        return http.sendAsync(request(query, "JSONEachRow"), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw unreachable(query, failure);
                    }
                    checkStatus(query, response.statusCode(), response.body());
                    return parse(response.body(), type);
                });
    }

    /**
     * @param format a ClickHouse output format, e.g. {@code CSVWithNames}
     * @return the answer as it streams from ClickHouse; close it
     * @throws ClickHouseException if ClickHouse is away (retriable) or refuses the query (fatal)
     */
    public InputStream stream(SqlQuery query, String format) {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request(query, format), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw unreachable(query, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClickHouseException("interrupted", true, e);
        }
        if (response.statusCode() != 200) {
            try (InputStream body = response.body()) {
                checkStatus(query, response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw unreachable(query, e);
            }
        }
        return response.body();
    }

    /** @return whether ClickHouse answers its {@code /ping} */
    public boolean ping() {
        try {
            HttpRequest ping = HttpRequest.newBuilder(url.resolve("/ping")).timeout(Duration.ofSeconds(2)).GET().build();
            return http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest request(SqlQuery query, String format) {
        StringBuilder uri = new StringBuilder(url.toString().replaceAll("/+$", "")).append("/?database=")
                .append(encode(database)).append("&default_format=").append(format)
                // Counts as JSON numbers, not strings; NaN (quantiles of nothing) as null.
                .append("&output_format_json_quote_64bit_integers=0&output_format_json_quote_denormals=0")
                // Rows with one key never span partitions (the day is part of the key): FINAL merges per partition.
                .append("&do_not_merge_across_partitions_select_final=1")
                .append("&max_execution_time=").append(Math.max(1, timeout.toSeconds()));
        for (Map.Entry<String, SqlQuery.Parameter> p : query.parameters().entrySet()) {
            uri.append("&param_").append(encode(p.getKey())).append('=').append(encode(p.getValue().value()));
        }
        return HttpRequest.newBuilder(URI.create(uri.toString())).timeout(timeout.plusSeconds(5))
                .header("X-ClickHouse-User", user).header("X-ClickHouse-Key", password)
                .POST(HttpRequest.BodyPublishers.ofString(query.sql(), StandardCharsets.UTF_8)).build();
    }

    private static void checkStatus(SqlQuery query, int status, String body) {
        if (status != 200) {
            boolean retriable = status == 503 || body.contains("TIMEOUT_EXCEEDED") || body.contains("TOO_MANY_SIMULTANEOUS");
            throw new ClickHouseException("ClickHouse refused query " + query.name() + " (HTTP " + status + "): "
                    + body.strip(), retriable, null);
        }
    }

    private static ClickHouseException unreachable(SqlQuery query, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        boolean away = cause instanceof ConnectException || cause instanceof HttpTimeoutException || cause instanceof IOException;
        return new ClickHouseException("ClickHouse did not answer query " + query.name() + ": " + cause, away, cause);
    }

    private static <T> List<T> parse(String body, Class<T> type) {
        List<T> rows = new ArrayList<>();
        try {
            for (String line : body.split("\n")) {
                if (!line.isBlank()) {
                    rows.add(JSON.readValue(line, type));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unexpected answer from ClickHouse", e);
        }
        return rows;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

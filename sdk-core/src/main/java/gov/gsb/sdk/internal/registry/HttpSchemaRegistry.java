package gov.gsb.sdk.internal.registry;

import gov.gsb.sdk.SchemaRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.InterruptException;

/**
 * A client of the Confluent Schema Registry REST API v7 on the JDK's HttpClient: Apicurio's {@code /apis/ccompat/v7},
 * Confluent's registry and Karapace answer it alike. It does not cache: {@link CachingSchemaRegistry} wraps it.
 * HTTP results become the SDK's errors as {@link RegistryErrors} describes.
 */
public final class HttpSchemaRegistry implements SchemaRegistry {

    /** How long one request may take, connecting included. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final int MAX_REFERENCE_DEPTH = 16;

    private final String base;
    private final Supplier<String> bearerToken;
    private final Duration timeout;
    private final HttpClient http;
    private final RegistryErrors errors;

    /**
     * @param baseUrl the API's base, e.g. {@code http://127.0.0.1:8081/apis/ccompat/v7}
     * @param bearerToken gives the access token sent with each request; null for none
     * @param timeout how long one request may take
     * @throws IllegalArgumentException (fatal) if the URL is not an http or https URL
     */
    public HttpSchemaRegistry(String baseUrl, Supplier<String> bearerToken, Duration timeout) {
        this(baseUrl, bearerToken, timeout, SharedClient.INSTANCE);
    }

    HttpSchemaRegistry(String baseUrl, Supplier<String> bearerToken, Duration timeout, HttpClient http) {
        this.base = checkedBase(baseUrl);
        this.bearerToken = bearerToken;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = http;
        this.errors = new RegistryErrors(base);
    }

    @Override
    public int register(String subject, Schema schema) {
        String what = "registering " + schema.getFullName() + " under subject " + subject;
        Response r = send(post("/subjects/" + encode(subject) + "/versions", schema), what);
        if (r.ok()) {
            return errors.readId(r, what);
        }
        if (r.status() == 409) {
            throw errors.incompatible(subject, schema, r, this::latest);
        }
        throw errors.failure(r, what);
    }

    @Override
    public int idOf(String subject, Schema schema) {
        String what = "looking up " + schema.getFullName() + " under subject " + subject;
        Response r = send(post("/subjects/" + encode(subject), schema), what);
        if (r.ok()) {
            return errors.readId(r, what);
        }
        if (r.notFound()) {
            throw errors.notRegistered(subject, schema, r);
        }
        throw errors.failure(r, what);
    }

    @Override
    public Schema schemaById(int id) {
        String what = "fetching the schema of id " + id;
        Response r = send(get("/schemas/ids/" + id), what);
        if (r.ok()) {
            return readSchema(r, what);
        }
        if (r.notFound()) {
            throw errors.unknownId(id, r);
        }
        throw errors.failure(r, what);
    }

    @Override
    public Optional<Schema> latest(String subject) {
        String what = "fetching the latest version of subject " + subject;
        Response r = send(get("/subjects/" + encode(subject) + "/versions/latest"), what);
        if (r.ok()) {
            return Optional.of(readSchema(r, what));
        }
        if (r.notFound()) {
            return Optional.empty();
        }
        throw errors.failure(r, what);
    }

    @Override
    public String toString() {
        return "schema registry at " + base;
    }

    // A schema may name types that other subjects' versions define (Confluent's schema references): parse those
    // first, depth first, into the same parser, so that the schema's names resolve.
    private Schema readSchema(Response r, String what) {
        Schema.Parser parser = new Schema.Parser();
        RegistryJson.SchemaAnswer answer = errors.readAnswer(r, what);
        parseReferences(answer.references(), parser, what, 0);
        return errors.parse(parser, answer.schema(), what);
    }

    private void parseReferences(List<RegistryJson.Reference> references, Schema.Parser parser, String what,
            int depth) {
        for (RegistryJson.Reference ref : references) {
            if (parser.getTypes().containsKey(ref.name())) {
                continue; // shared by two references
            }
            if (depth >= MAX_REFERENCE_DEPTH) {
                throw errors.referencesTooDeep(what, ref.name());
            }
            String step = "fetching " + ref.name() + " (version " + ref.version() + " of subject " + ref.subject()
                    + ") while " + what;
            Response r = send(get("/subjects/" + encode(ref.subject()) + "/versions/" + ref.version()), step);
            if (!r.ok()) {
                throw errors.failure(r, step);
            }
            RegistryJson.SchemaAnswer answer = errors.readAnswer(r, step);
            parseReferences(answer.references(), parser, what, depth + 1);
            errors.parse(parser, answer.schema(), step);
        }
    }

    private HttpRequest.Builder post(String path, Schema schema) {
        return request(path).header("Content-Type", MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(RegistryJson.schemaRequest(SchemaText.of(schema))));
    }

    private HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Accept", MEDIA_TYPE + ", application/json");
        String token = bearerToken == null ? null : bearerToken.get();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private Response send(HttpRequest.Builder request, String what) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            throw errors.timedOut(what, timeout, e);
        } catch (IOException e) {
            throw errors.unreachable(what, e);
        } catch (InterruptedException e) {
            throw new InterruptException("interrupted while " + what + " at " + base, e); // restores the flag
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(Objects.requireNonNull(subject, "subject"), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String checkedBase(String baseUrl) {
        URI uri;
        try {
            uri = URI.create(Objects.requireNonNull(baseUrl, "registry URL"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("schema registry URL '" + baseUrl + "' is not a URL: " + e.getMessage(), e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("schema registry URL '" + baseUrl + "' must be an http or https URL, "
                    + "e.g. http://127.0.0.1:8081/apis/ccompat/v7 (GSB_REGISTRY_URL of ./gsb env)");
        }
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** One HTTP answer; its error body is parsed only when asked for. */
    record Response(int status, String body) {

        boolean ok() {
            return status == 200;
        }

        // A registry's own "not found" (40401 subject, 40402 version, 40403 schema) comes with its JSON error body;
        // a bare 404 means the URL does not lead to the API at all, which RegistryErrors reports as such.
        boolean notFound() {
            return status == 404 && error().code() > 0;
        }

        RegistryJson.Error error() {
            return RegistryJson.error(body);
        }
    }

    // One client for every registry of the JVM: it pools connections, and its threads are daemons.
    private static final class SharedClient {
        static final HttpClient INSTANCE = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade attempts against plain-HTTP registries
                .connectTimeout(DEFAULT_TIMEOUT)
                .build();
    }
}

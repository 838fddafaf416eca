package gov.gsb.admin;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.gsb.bus.CallRecord;
import gov.gsb.consumer.GsbSubscriber;
import gov.gsb.devstack.BrokerSecurity;
import gov.gsb.producer.GsbPublisher;
import gov.gsb.sdk.GsbAvroDeserializer;
import gov.gsb.sdk.SchemaRegistry;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The tests' side of the bus: real tokens (people by password on {@code gsb-portal}, agencies by client
 * credentials), REST calls as a person, SDK clients of an agency, and a super user's view of the broker.
 */
final class Bus {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    private record Token(String jwt, long fetchedAtNanos) {
        boolean fresh() {
            return System.nanoTime() - fetchedAtNanos < Duration.ofSeconds(120).toNanos(); // they live 300 s
        }
    }

    private Bus() {
    }

    /** A setting of the servers under test: GsbServers puts them in the system properties of the tests' JVM. */
    static String config(String key) {
        String value = System.getProperty(key);
        return value != null ? value : ConfigProvider.getConfig().getValue(key, String.class);
    }

    static String bootstrap() {
        return config("gsb.bootstrap");
    }

    static String registryUrl() {
        return config("gsb.registry.url");
    }

    static String tokenUrl() {
        return config("gsb.keycloak.url") + "/protocol/openid-connect/token";
    }

    static String secret(String clientId) {
        return clientId + "-dev-secret";
    }

    /** A name no other test uses, e.g. {@code returns-1a2b3c4d}. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** REST as a person of the realm (password grant on gsb-portal). */
    static RequestSpecification as(String user) {
        String jwt = TOKENS.compute("user:" + user, (k, t) -> t != null && t.fresh() ? t
                : new Token(token("grant_type=password&client_id=gsb-portal&client_secret=gsb-portal-dev-secret&username="
                        + enc(user) + "&password=" + enc(user)), System.nanoTime())).jwt();
        return given().auth().oauth2(jwt).contentType(ContentType.JSON);
    }

    /** REST with an agency's own token (client credentials). */
    static RequestSpecification asAgency(String clientId) {
        return given().auth().oauth2(agencyToken(clientId, secret(clientId))).contentType(ContentType.JSON);
    }

    static String agencyToken(String clientId, String secret) {
        return token("grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret));
    }

    /** The payload of a JWT. */
    static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static String token(String form) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(tokenUrl()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("token endpoint answered " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Registers an EVENT service as admin and returns its id. */
    static String registerEvent(String provider, String name) {
        return register(provider, name, "EVENT");
    }

    /** Registers a service of a kind as admin and returns its id. */
    static String register(String provider, String name, String kind) {
        as("admin").body(service(provider, name, kind)).post("/api/services").then().statusCode(201);
        return provider + "." + name;
    }

    static Map<String, Object> service(String provider, String name, String kind) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("provider", provider);
        s.put("kind", kind);
        s.put("partitions", 1);
        s.put("retentionMs", 3_600_000L);
        s.put("description", "a service of the tests");
        s.put("owner", Map.of("name", "Test team", "email", "tests@gsb.example"));
        return s;
    }

    /** Makes a grant as admin and returns its id. */
    static String grant(String service, String operation, String type, String principal, String permission) {
        return as("admin").body(Map.of("service", service, "operation", operation, "principalType", type,
                        "principal", principal, "permission", permission))
                .post("/api/grants").then().statusCode(201).extract().path("id");
    }

    static void revoke(String grantId) {
        as("admin").delete("/api/grants/" + grantId).then().statusCode(200);
    }

    /** An agency's publisher, logged in with its client credentials. */
    static GsbPublisher publisher(String agency, String secret) {
        return GsbPublisher.builder()
                .bootstrapServers(bootstrap())
                .agency(agency)
                .registryUrl(registryUrl())
                .autoRegisterSchemas(true)
                .clientCredentials(tokenUrl(), agency, secret)
                // Re-ask for metadata soon after a refusal, so a new grant shows on the next attempt.
                .kafkaProperty("retry.backoff.ms", 5)
                .kafkaProperty("retry.backoff.max.ms", 50)
                .build();
    }

    static GsbPublisher publisher(String agency) {
        return publisher(agency, secret(agency));
    }

    /** An agency's subscriber, logged in with its client credentials. */
    static GsbSubscriber.Builder subscriber(String agency) {
        return GsbSubscriber.builder()
                .bootstrapServers(bootstrap())
                .agency(agency)
                .registryUrl(registryUrl())
                .autoRegisterSchemas(true)
                .clientCredentials(tokenUrl(), agency, secret(agency))
                .retries(1, Duration.ofMillis(50));
    }

    /** Kafka settings of a client that logs in as gsb-services, a super user of the test broker. */
    static Properties superClient() {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        p.put(SaslConfigs.SASL_MECHANISM, "OAUTHBEARER");
        p.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;");
        p.put(SaslConfigs.SASL_LOGIN_CALLBACK_HANDLER_CLASS,
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler");
        p.put(SaslConfigs.SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL, tokenUrl());
        p.put("sasl.oauthbearer.client.credentials.client.id", BrokerSecurity.SERVICES_CLIENT);
        p.put("sasl.oauthbearer.client.credentials.client.secret", secret(BrokerSecurity.SERVICES_CLIENT));
        p.put(SaslConfigs.SASL_LOGIN_REFRESH_BUFFER_SECONDS, "30");
        p.put(SaslConfigs.SASL_LOGIN_REFRESH_MIN_PERIOD_SECONDS, "30");
        allowUrl(tokenUrl());
        return p;
    }

    /** Adds the token endpoint to Kafka's JVM-wide allow-list of OAuth URLs, keeping what is there. */
    private static synchronized void allowUrl(String url) {
        String current = System.getProperty(BrokerSecurity.ALLOWED_URLS, "");
        if (!("," + current + ",").contains("," + url + ",")) {
            System.setProperty(BrokerSecurity.ALLOWED_URLS, current.isEmpty() ? url : current + "," + url);
        }
    }

    static Admin superAdmin() {
        return Admin.create(superClient());
    }

    /** Reads a topic of Avro records from its start until {@code expected} match or {@code wait} passed. */
    static <T> List<T> read(String topic, Class<T> type, Predicate<T> which, int expected, Duration wait) {
        Properties p = superClient();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<T> found = new ArrayList<>();
        try (GsbAvroDeserializer<T> d = new GsbAvroDeserializer<>(SchemaRegistry.http(registryUrl()), type);
             KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + wait.toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    T value = d.deserialize(r.topic(), r.value());
                    if (value != null && which.test(value)) {
                        found.add(value);
                    }
                }
            }
        }
        return found;
    }

    /** The CallRecords that match, waiting until {@code expected} of them arrived (or 30 s passed). */
    static List<CallRecord> callRecords(Predicate<CallRecord> which, int expected) {
        return read("gsb.calls", CallRecord.class, which, expected, Duration.ofSeconds(30));
    }
}

package gov.gsb.sdk.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import gov.gsb.bus.CallRecord;
import gov.gsb.sdk.BusUnavailableException;
import gov.gsb.sdk.FakeRegistryServer;
import gov.gsb.sdk.FakeRegistryServer.Answer;
import gov.gsb.sdk.GsbError;
import gov.gsb.sdk.InvalidMessageException;
import gov.gsb.sdk.NotAuthorizedException;
import gov.gsb.sdk.SchemaIncompatibleException;
import gov.gsb.sdk.SchemaNotRegisteredException;
import gov.gsb.sdk.TestSchemas;
import gov.gsb.sample.civilregistry.AddressChanged;
import java.net.ServerSocket;
import java.time.Duration;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpSchemaRegistryTest {

    private static final Schema SCHEMA = AddressChanged.getClassSchema();
    private static final String SUBJECT = "gsb.civilregistry.address-changed-value";

    private final FakeRegistryServer server = new FakeRegistryServer();
    private final HttpSchemaRegistry registry = new HttpSchemaRegistry(server.url(), null, Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldRegisterTheSchemaTextWithoutJavaOnlyProperties() {
        server.answer(r -> Answer.of(200, "{\"id\":7}"));

        assertThat(registry.register(SUBJECT, SCHEMA)).isEqualTo(7);

        FakeRegistryServer.Request sent = server.requests.get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/subjects/" + SUBJECT + "/versions");
        assertThat(sent.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(RegistryJson.schema(sent.body())).isEqualTo(SchemaText.of(SCHEMA)).doesNotContain("avro.java.string");
    }

    @Test
    void shouldLookUpAnIdWithoutRegistering() {
        server.answer(r -> Answer.of(200, "{\"subject\":\"" + SUBJECT + "\",\"version\":1,\"id\":3,\"schema\":\"{}\"}"));

        assertThat(registry.idOf(SUBJECT, SCHEMA)).isEqualTo(3);
        assertThat(server.requests).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/subjects/" + SUBJECT);
        });
    }

    @Test
    void shouldFetchASchemaByIdAndTheLatestVersion() {
        String answer = RegistryJson.schemaRequest(SchemaText.of(SCHEMA));
        server.answer(r -> Answer.of(200, answer));

        assertThat(registry.schemaById(42)).isEqualTo(SchemaText.normalised(SCHEMA));
        assertThat(registry.latest(SUBJECT)).contains(SchemaText.normalised(SCHEMA));
        assertThat(server.requests).extracting(FakeRegistryServer.Request::path)
                .containsExactly("/schemas/ids/42", "/subjects/" + SUBJECT + "/versions/latest");
    }

    @Test
    void shouldResolveSchemaReferencesAsApicuriosSerializerRegistersThem() {
        String address = "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"t\","
                + "\"fields\":[{\"name\":\"city\",\"type\":\"string\"}]}";
        String moved = "{\"type\":\"record\",\"name\":\"Moved\",\"namespace\":\"t\","
                + "\"fields\":[{\"name\":\"from\",\"type\":\"t.Address\"},{\"name\":\"to\",\"type\":\"t.Address\"}]}";
        server.answer(r -> r.path().equals("/schemas/ids/5")
                ? Answer.of(200, "{\"schema\":" + quoted(moved) + ",\"references\":[{\"name\":\"t.Address\","
                        + "\"subject\":\"t.Address\",\"version\":2}]}")
                : Answer.of(200, "{\"subject\":\"t.Address\",\"version\":2,\"id\":4,\"schema\":" + quoted(address) + "}"));

        Schema schema = registry.schemaById(5);

        assertThat(schema.getField("to").schema().getField("city")).isNotNull();
        assertThat(server.requests).extracting(FakeRegistryServer.Request::path)
                .containsExactly("/schemas/ids/5", "/subjects/t.Address/versions/2");
    }

    @Test
    void shouldAnswerNoLatestVersionForAnUnknownSubject() {
        server.answer(r -> Answer.error(404, 40401, "Subject not found"));

        assertThat(registry.latest(SUBJECT)).isEmpty();
    }

    @Test
    void shouldSendTheBearerTokenAndEncodeTheSubject() {
        server.answer(r -> Answer.of(200, "{\"id\":1}"));
        HttpSchemaRegistry withToken = new HttpSchemaRegistry(server.url() + "/", () -> "t0ken", Duration.ofSeconds(5));

        withToken.register("odd subject/x-value", SCHEMA);

        assertThat(server.requests.get(0).authorization()).isEqualTo("Bearer t0ken");
        assertThat(server.requests.get(0).path()).isEqualTo("/subjects/odd%20subject%2Fx-value/versions");
    }

    @Test
    void shouldSayASchemaIsNotRegisteredWhenTheSubjectOrSchemaIsUnknown() {
        server.answer(r -> r.path().startsWith("/schemas") ? Answer.error(404, 40403, "Schema not found")
                : Answer.error(404, 40401, "Subject not found"));

        assertThatThrownBy(() -> registry.idOf(SUBJECT, SCHEMA)).isInstanceOf(SchemaNotRegisteredException.class)
                .hasMessageContaining(SUBJECT).hasMessageContaining("gsb.schemas.auto.register=true")
                .hasMessageContaining("40401");
        assertThatThrownBy(() -> registry.schemaById(9)).isInstanceOf(SchemaNotRegisteredException.class)
                .hasMessageContaining("id 9");
    }

    @Test
    void shouldExplainARefusalWithTheFieldsOfTheRegisteredVersion() {
        Schema v2 = TestSchemas.withRequiredField(SCHEMA, "district");
        server.answer(r -> r.method().equals("GET") ? Answer.of(200, RegistryJson.schemaRequest(SchemaText.of(SCHEMA)))
                : Answer.error(409, 409, "Incompatible schema"));

        SchemaIncompatibleException e = (SchemaIncompatibleException) catchThrowable(() -> registry.register(SUBJECT, v2));

        assertThat(e.subject()).isEqualTo(SUBJECT);
        assertThat(e.problems()).singleElement().asString()
                .contains("'district'", "READER_FIELD_MISSING_DEFAULT_VALUE", "give it one");
        assertThat(e.getCause()).hasMessageContaining("HTTP 409");
        assertThat(e.isRetriable()).isFalse();
    }

    @Test
    void shouldKeepTheRegistrysWordsWhenTheRegisteredVersionCannotBeFetched() {
        server.answer(r -> r.method().equals("GET") ? Answer.error(500, 50001, "store down")
                : Answer.error(409, 409, "Incompatible schema"));

        assertThatThrownBy(() -> registry.register(SUBJECT, SCHEMA)).isInstanceOfSatisfying(
                SchemaIncompatibleException.class, e -> assertThat(e.problems())
                        .containsExactly("the registry says: Incompatible schema"));
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void shouldMapAuthenticationAndAuthorizationFailuresToNotAuthorized(int status) {
        server.answer(r -> Answer.error(status, status, "no"));

        assertThatThrownBy(() -> registry.register(SUBJECT, SCHEMA)).isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("HTTP " + status).hasMessageContaining(server.url());
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void shouldMapRegistryFailuresToRetriableBusUnavailable(int status) {
        server.answer(r -> Answer.of(status, "<html>busy</html>"));

        assertThatThrownBy(() -> registry.idOf(SUBJECT, SCHEMA)).isInstanceOf(BusUnavailableException.class)
                .isInstanceOf(RetriableException.class).hasMessageContaining("HTTP " + status)
                .hasMessageContaining("try again");
    }

    @Test
    void shouldMapAnInvalidSchemaToInvalidMessage() {
        server.answer(r -> Answer.error(422, 42201, "Invalid schema"));

        assertThatThrownBy(() -> registry.register(SUBJECT, SCHEMA)).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("42201").hasMessageContaining("fix the schema");
    }

    @Test
    void shouldSayTheUrlIsWrongWhenItDoesNotLeadToTheApi() {
        server.answer(r -> Answer.of(404, "<html>Not Found</html>"));

        Throwable e = catchThrowable(() -> registry.idOf(SUBJECT, SCHEMA));

        assertThat(e).isInstanceOf(SerializationException.class).isNotInstanceOf(GsbError.class)
                .hasMessageContaining("not the Confluent Schema Registry API v7").hasMessageContaining("/apis/ccompat/v7");
    }

    @Test
    void shouldSayTheUrlIsWrongWhenTheAnswerIsNotTheApis() {
        server.answer(r -> Answer.of(200, "<html>welcome</html>"));

        assertThatThrownBy(() -> registry.register(SUBJECT, SCHEMA)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("gsb.registry.url");
    }

    @Test
    void shouldMapAnUnreachableRegistryToBusUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpSchemaRegistry nowhere = new HttpSchemaRegistry("http://127.0.0.1:" + closedPort, null, Duration.ofSeconds(5));

        assertThatThrownBy(() -> nowhere.schemaById(1)).isInstanceOf(BusUnavailableException.class)
                .hasMessageContaining("cannot be reached");
    }

    @Test
    void shouldMapASlowRegistryToBusUnavailable() {
        server.answer(r -> new Answer(200, "{\"id\":1}", 2_000));
        HttpSchemaRegistry impatient = new HttpSchemaRegistry(server.url(), null, Duration.ofMillis(200));

        assertThatThrownBy(() -> impatient.register(SUBJECT, CallRecord.getClassSchema()))
                .isInstanceOf(BusUnavailableException.class).hasMessageContaining("within 200 ms");
    }

    private static String quoted(String text) {
        return RegistryJson.schemaRequest(text).substring("{\"schema\":".length()).replaceAll("}$", "");
    }

    @Test
    void shouldRefuseAUrlThatIsNotHttp() {
        assertThatThrownBy(() -> new HttpSchemaRegistry("registry:8081", null, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http or https URL");
    }
}

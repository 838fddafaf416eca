package gov.gsb.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.gsb.devstack.junit.RealServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealServers.class)
class RegistryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V1 = "{\"type\":\"record\",\"name\":\"AddressChanged\",\"namespace\":\"test\","
            + "\"fields\":[{\"name\":\"citizenId\",\"type\":\"string\"}]}";
    private static final String V2_OPTIONAL = "{\"type\":\"record\",\"name\":\"AddressChanged\",\"namespace\":\"test\","
            + "\"fields\":[{\"name\":\"citizenId\",\"type\":\"string\"},"
            + "{\"name\":\"city\",\"type\":[\"null\",\"string\"],\"default\":null}]}";
    private static final String V2_REQUIRED = "{\"type\":\"record\",\"name\":\"AddressChanged\",\"namespace\":\"test\","
            + "\"fields\":[{\"name\":\"citizenId\",\"type\":\"string\"},{\"name\":\"city\",\"type\":\"string\"}]}";

    @Test
    void shouldRegisterThroughTheConfluentApiAndRefuseAnIncompatibleChangeWith409(RegistryServer registry) throws Exception {
        String subject = "gsb.test." + UUID.randomUUID() + "-value";

        HttpResponse<String> first = register(registry, subject, V1);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        int id = JSON.readTree(first.body()).path("id").asInt();
        assertThat(id).isPositive();

        HttpResponse<String> incompatible = register(registry, subject, V2_REQUIRED);
        assertThat(incompatible.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(incompatible.body()).path("error_code").asInt()).isEqualTo(409);

        HttpResponse<String> compatible = register(registry, subject, V2_OPTIONAL);
        assertThat(compatible.statusCode()).as(compatible.body()).isEqualTo(200);
        assertThat(JSON.readTree(compatible.body()).path("id").asInt()).isNotEqualTo(id);

        HttpResponse<String> byId = get(registry, "/schemas/ids/" + id);
        assertThat(JSON.readTree(JSON.readTree(byId.body()).path("schema").asText()).path("name").asText())
                .isEqualTo("AddressChanged");
        assertThat(JSON.readTree(get(registry, "/subjects/" + subject + "/versions").body())).hasSize(2);
    }

    private static HttpResponse<String> register(RegistryServer registry, String subject, String schema) throws Exception {
        String body = JSON.writeValueAsString(Map.of("schema", schema));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(registry.ccompatUrl()
                        + "/subjects/" + subject + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(RegistryServer registry, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(registry.ccompatUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

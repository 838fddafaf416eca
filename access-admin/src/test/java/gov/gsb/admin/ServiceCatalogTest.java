package gov.gsb.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** Registering, changing and retiring services: topics through the Admin API, compatibility in the registry. */
@QuarkusTest
@WithTestResource(GsbServers.class)
class ServiceCatalogTest {

    @Test
    void shouldRegisterAnEventServiceWithItsTopicAndCompatibility() throws Exception {
        String name = Bus.unique("returns");
        Map<String, Object> request = Bus.service("tax", name, "EVENT");
        request.put("partitions", 2);
        request.put("compatibility", "FULL");

        Bus.as("admin").body(request).post("/api/services").then().statusCode(201)
                .header("Location", endsWith("/api/services/tax." + name))
                .body("id", equalTo("tax." + name))
                .body("topic", equalTo("gsb.tax." + name))
                .body("requestsTopic", nullValue())
                .body("valueSubject", equalTo("gsb.tax." + name + "-value"))
                .body("compatibility", equalTo("FULL"))
                .body("status", equalTo("ACTIVE"))
                .body("version", equalTo(1));

        try (Admin admin = Bus.superAdmin()) {
            String topic = "gsb.tax." + name;
            assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions())
                    .hasSize(2);
            Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, topic)))
                    .all().get(30, TimeUnit.SECONDS).values().iterator().next();
            assertThat(config.get("retention.ms").value()).isEqualTo("3600000");
        }
        HttpResponse<String> compatibility = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(Bus.registryUrl() + "/config/gsb.tax." + name + "-value")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(compatibility.body()).contains("FULL");
        Bus.as("auditor").get("/api/services/tax." + name).then().statusCode(200).body("partitions", equalTo(2));
        Bus.as("auditor").get("/api/services").then().statusCode(200).body("id", hasItem("tax." + name));
    }

    @Test
    void shouldRegisterATwoWayServiceOnItsRequestsTopic() throws Exception {
        String name = Bus.unique("change");
        Bus.as("admin").body(Bus.service("civil-registry", name, "REQUEST_REPLY")).post("/api/services").then()
                .statusCode(201)
                .body("requestsTopic", equalTo("gsb.civil-registry." + name + ".requests"))
                .body("valueSubject", equalTo("gsb.civil-registry." + name + ".requests-value"));
        try (Admin admin = Bus.superAdmin()) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("gsb.civil-registry." + name + ".requests");
        }
    }

    @Test
    void shouldRefuseADuplicateWith409() {
        String id = Bus.registerEvent("tax", Bus.unique("dup"));
        Bus.as("admin").body(Bus.service("tax", id.substring(4), "EVENT")).post("/api/services").then().statusCode(409)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("exists already"));
    }

    @Test
    void shouldAnswer404ForAnUnknownService() {
        Bus.as("auditor").get("/api/services/tax.nothing-here").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        Bus.as("admin").post("/api/services/tax.nothing-here/retire").then().statusCode(404);
    }

    @Test
    void shouldGrowPartitionsAndChangeRetentionButNeverShrink() throws Exception {
        String id = Bus.registerEvent("utilities", Bus.unique("bills"));
        Map<String, Object> update = Map.of("partitions", 3, "retentionMs", 86_400_000L, "description", "bills, monthly",
                "owner", Map.of("name", "Billing"));
        Bus.as("admin").body(update).put("/api/services/" + id).then().statusCode(200)
                .body("partitions", equalTo(3)).body("description", equalTo("bills, monthly"));
        try (Admin admin = Bus.superAdmin()) {
            String topic = "gsb." + id;
            assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions())
                    .hasSize(3);
        }
        Bus.as("admin").body(Map.of("partitions", 2, "retentionMs", 1L, "description", "x", "owner", Map.of("name", "B")))
                .put("/api/services/" + id).then().statusCode(400).body("violations[0].field", equalTo("partitions"));
    }

    @Test
    void shouldRetireAServiceKeepingItsEntryAndTopicButRevokingItsGrants() throws Exception {
        String id = Bus.registerEvent("tax", Bus.unique("old"));
        String grant = Bus.grant(id, "PUBLISH", "GROUP", "agencies/tax", "ALLOW");
        Bus.as("admin").get("/api/acls?resource=gsb." + id).then().body("principal", hasItem("Group:agencies/tax"));

        Bus.as("admin").post("/api/services/" + id + "/retire").then().statusCode(200).body("status", equalTo("RETIRED"));

        Bus.as("admin").get("/api/grants/" + grant).then().body("status", equalTo("REVOKED")).body("revokedBy", equalTo("admin"));
        Bus.as("admin").get("/api/acls?resource=gsb." + id + "&principal=Group:agencies/tax").then()
                .body("size()", equalTo(0));
        try (Admin admin = Bus.superAdmin()) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("gsb." + id);
        }
        Bus.as("admin").get("/api/services/" + id).then().body("status", equalTo("RETIRED"));
        Bus.as("admin").post("/api/services/" + id + "/retire").then().statusCode(409);
        Bus.as("admin").body(Map.of("service", id, "operation", "PUBLISH", "principalType", "GROUP", "principal", "agencies/tax"))
                .post("/api/grants").then().statusCode(409);
    }
}

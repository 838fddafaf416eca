package gov.gsb.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/** Grants become exactly the Kafka ACLs they need on the real broker, and revocations remove only what none needs. */
@QuarkusTest
@WithTestResource(GsbServers.class)
class GrantAclTest {

    /** The broker's ACLs of a principal on topics that apply to a name, as "OPERATION PERMISSION TYPE:name". */
    private static List<String> acls(String principal, String topic) {
        return acls(principal, "TOPIC", topic);
    }

    private static List<String> acls(String principal, String type, String resource) {
        JsonPath acls = Bus.as("auditor").queryParam("principal", principal).queryParam("resourceType", type)
                .queryParam("resource", resource)
                .get("/api/acls").then().statusCode(200).extract().jsonPath();
        return acls.getList("", Map.class).stream().map(a -> a.get("operation") + " " + a.get("permission") + " "
                + a.get("resourceType") + ":" + a.get("resourceName") + ("PREFIXED".equals(a.get("patternType")) ? "*" : ""))
                .toList();
    }

    @Test
    void shouldMapASubscribeGrantToTopicDeadLetterAndGroupAcls() throws Exception {
        String id = Bus.registerEvent("tax", Bus.unique("filed"));
        String grant = Bus.grant(id, "SUBSCRIBE", "GROUP", "agencies/utilities", "ALLOW");

        Bus.as("auditor").get("/api/grants/" + grant).then().statusCode(200)
                .body("consumerAgency", equalTo("utilities")).body("status", equalTo("ACTIVE")).body("acls", hasSize(5));
        assertThat(acls("Group:agencies/utilities", "gsb." + id)).containsExactlyInAnyOrder(
                "READ ALLOW TOPIC:gsb." + id, "DESCRIBE ALLOW TOPIC:gsb." + id);
        assertThat(acls("Group:agencies/utilities", "gsb.dlq.utilities." + id)).containsExactlyInAnyOrder(
                "WRITE ALLOW TOPIC:gsb.dlq.utilities." + id, "DESCRIBE ALLOW TOPIC:gsb.dlq.utilities." + id);
        assertThat(acls("Group:agencies/utilities", "GROUP", "gsb.utilities.any-group")).containsExactly("READ ALLOW GROUP:gsb.utilities.*");
        try (Admin admin = Bus.superAdmin()) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("gsb.dlq.utilities." + id);
        }
    }

    @Test
    void shouldKeepAnAclTwoGrantsShareWhenOneIsRevoked() {
        String first = Bus.registerEvent("tax", Bus.unique("first"));
        String second = Bus.registerEvent("tax", Bus.unique("second"));
        String firstGrant = Bus.grant(first, "SUBSCRIBE", "GROUP", "agencies/single-window", "ALLOW");
        Bus.grant(second, "SUBSCRIBE", "GROUP", "agencies/single-window", "ALLOW");

        Bus.revoke(firstGrant);

        assertThat(acls("Group:agencies/single-window", "gsb." + first)).isEmpty();
        assertThat(acls("Group:agencies/single-window", "gsb." + second)).hasSize(2);
        // Both grants need READ on the agency's groups: it stays for the second.
        assertThat(acls("Group:agencies/single-window", "GROUP", "gsb.single-window.g")).contains("READ ALLOW GROUP:gsb.single-window.*");
    }

    @Test
    void shouldMapRequestAndServeAndCreateTheReplyAndDeadLetterTopics() throws Exception {
        String name = Bus.unique("lookup");
        String id = Bus.register("civil-registry", name, "REQUEST_REPLY");
        Bus.grant(id, "SERVE", "GROUP", "agencies/civil-registry", "ALLOW");
        Bus.grant(id, "REQUEST", "USER", "service-account-tax", "ALLOW");

        assertThat(acls("User:service-account-tax", "gsb." + id + ".requests")).containsExactlyInAnyOrder(
                "WRITE ALLOW TOPIC:gsb." + id + ".requests", "DESCRIBE ALLOW TOPIC:gsb." + id + ".requests");
        assertThat(acls("User:service-account-tax", "gsb." + id + ".replies.tax")).containsExactlyInAnyOrder(
                "READ ALLOW TOPIC:gsb." + id + ".replies.tax", "DESCRIBE ALLOW TOPIC:gsb." + id + ".replies.tax");
        assertThat(acls("Group:agencies/civil-registry", "gsb." + id + ".replies.tax")).containsExactlyInAnyOrder(
                "WRITE ALLOW TOPIC:gsb." + id + ".replies.*", "DESCRIBE ALLOW TOPIC:gsb." + id + ".replies.*");
        assertThat(acls("Group:agencies/civil-registry", "GROUP", "gsb.civil-registry.serving")).contains("READ ALLOW GROUP:gsb.civil-registry.*");
        try (Admin admin = Bus.superAdmin()) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .contains("gsb." + id + ".replies.tax", "gsb.dlq.civil-registry." + id);
        }
    }

    @Test
    void shouldNeedAConsumerAgencyForARoleSubscriptionAndMapItWhenGiven() {
        String id = Bus.registerEvent("utilities", Bus.unique("readings"));
        Bus.as("admin").body(Map.of("service", id, "operation", "SUBSCRIBE", "principalType", "ROLE", "principal", "subscriber"))
                .post("/api/grants").then().statusCode(400).body("violations[0].field", equalTo("consumerAgency"));

        Bus.as("admin").body(Map.of("service", id, "operation", "SUBSCRIBE", "principalType", "ROLE", "principal", "subscriber",
                        "consumerAgency", "tax")).post("/api/grants").then().statusCode(201)
                .body("consumerAgency", equalTo("tax"))
                .body("acls.resourceName", hasItem("gsb.dlq.tax." + id));
    }

    @Test
    void shouldMapADenyToTheServicesTopicsButNotToTheAgencysSharedGroups() {
        String id = Bus.registerEvent("tax", Bus.unique("denied"));
        Bus.as("admin").body(Map.of("service", id, "operation", "SUBSCRIBE", "principalType", "GROUP",
                        "principal", "agencies/utilities", "permission", "DENY")).post("/api/grants").then().statusCode(201)
                .body("acls.permission", org.hamcrest.Matchers.everyItem(equalTo("DENY")))
                .body("acls.resourceType", org.hamcrest.Matchers.not(hasItem("GROUP")));
        assertThat(acls("Group:agencies/utilities", "gsb." + id)).containsExactlyInAnyOrder(
                "READ DENY TOPIC:gsb." + id, "DESCRIBE DENY TOPIC:gsb." + id);
    }

    @Test
    void shouldApplyTheBaseAclsEverySdkClientNeeds() {
        assertThat(acls("Role:publisher", "gsb.calls")).containsExactlyInAnyOrder("WRITE ALLOW TOPIC:gsb.calls", "DESCRIBE ALLOW TOPIC:gsb.calls");
        assertThat(acls("Role:subscriber", "gsb.calls")).containsExactlyInAnyOrder("WRITE ALLOW TOPIC:gsb.calls", "DESCRIBE ALLOW TOPIC:gsb.calls");
    }

    @Test
    void shouldRefuseWhatDoesNotFitTheServiceOrTheRealm() {
        String id = Bus.registerEvent("tax", Bus.unique("fit"));
        Bus.as("admin").body(Map.of("service", id, "operation", "SERVE", "principalType", "GROUP", "principal", "agencies/tax"))
                .post("/api/grants").then().statusCode(400).body("violations[0].field", equalTo("operation"))
                .body("detail", containsString("PUBLISH or SUBSCRIBE"));
        Bus.as("admin").body(Map.of("service", id, "operation", "PUBLISH", "principalType", "GROUP", "principal", "/agencies/tax"))
                .post("/api/grants").then().statusCode(400).body("violations[0].field", equalTo("principal"))
                .body("detail", containsString("leading slash"));
        Bus.as("admin").body(Map.of("service", id, "operation", "PUBLISH", "principalType", "GROUP", "principal", "agencies/nobody"))
                .post("/api/grants").then().statusCode(400).body("detail", containsString("no group agencies/nobody"));
        Bus.as("admin").body(Map.of("service", id, "operation", "PUBLISH", "principalType", "ROLE", "principal", "*"))
                .post("/api/grants").then().statusCode(400).body("violations[0].field", equalTo("principal"));
    }

    @Test
    void shouldAnswer404And409AsExpectedOutcomes() {
        Bus.as("admin").body(Map.of("service", "tax.no-such-service", "operation", "PUBLISH", "principalType", "GROUP",
                "principal", "agencies/tax")).post("/api/grants").then().statusCode(404).contentType("application/problem+json");
        Bus.as("auditor").get("/api/grants/no-such-grant").then().statusCode(404);
        Bus.as("admin").delete("/api/grants/no-such-grant").then().statusCode(404);

        String id = Bus.registerEvent("tax", Bus.unique("twice"));
        String grant = Bus.grant(id, "PUBLISH", "GROUP", "agencies/tax", "ALLOW");
        Bus.as("admin").body(Map.of("service", id, "operation", "PUBLISH", "principalType", "GROUP", "principal", "agencies/tax"))
                .post("/api/grants").then().statusCode(409).body("detail", containsString(grant));
        Bus.revoke(grant);
        Bus.as("admin").delete("/api/grants/" + grant).then().statusCode(409).body("detail", containsString("revoked already"));
        Bus.as("auditor").queryParam("service", id).queryParam("status", "REVOKED").get("/api/grants").then()
                .body("id", hasItem(grant));
    }
}

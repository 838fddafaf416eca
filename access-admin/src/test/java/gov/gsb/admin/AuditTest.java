package gov.gsb.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import gov.gsb.bus.AuditEvent;
import gov.gsb.bus.AuditOutcome;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every change is an AuditEvent on gsb.audit, with who, from where, before and after; the API reads them back. */
@QuarkusTest
@WithTestResource(GsbServers.class)
class AuditTest {

    private static final Map<String, Object> UPDATE = Map.of("partitions", 1, "retentionMs", 7_200_000L,
            "description", "returns, filed online", "owner", Map.of("name", "Returns team"));

    @Test
    void shouldRecordEveryChangeWithActorAddressAgentAndBeforeAndAfter() {
        String name = Bus.unique("audited");
        String id = "tax." + name;
        Bus.as("admin").header("X-Forwarded-For", "203.0.113.9, 10.1.2.3").header("User-Agent", "gsb-tests/1.0")
                .body(Bus.service("tax", name, "EVENT")).post("/api/services").then().statusCode(201);
        Bus.as("admin").body(UPDATE).put("/api/services/" + id).then().statusCode(200);
        String grant = Bus.grant(id, "PUBLISH", "GROUP", "agencies/tax", "ALLOW");
        Bus.revoke(grant);
        Bus.as("admin").post("/api/services/" + id + "/retire").then().statusCode(200);

        Bus.as("auditor").queryParam("targetId", id).get("/api/audit").then().statusCode(200)
                .body("items.action", contains("service.retire", "service.update", "service.register"))
                .body("items[2].actor", equalTo("admin"))
                .body("items[2].actorRoles", hasItems("admin", "auditor"))
                .body("items[2].clientIp", equalTo("203.0.113.9"))
                .body("items[2].userAgent", equalTo("gsb-tests/1.0"))
                .body("items[2].before", nullValue())
                .body("items[2].after.name", equalTo(name))
                .body("items[1].before.description", equalTo("a service of the tests"))
                .body("items[1].after.description", equalTo("returns, filed online"))
                .body("items[0].after.status", equalTo("RETIRED"))
                .body("items.outcome", contains("SUCCESS", "SUCCESS", "SUCCESS"));
        Bus.as("auditor").queryParam("targetId", grant).get("/api/audit").then()
                .body("items.action", contains("grant.revoke", "grant.create"))
                .body("items[0].before.status", equalTo("ACTIVE"))
                .body("items[0].after.status", equalTo("REVOKED"))
                .body("items[1].after.acls.size()", equalTo(2));

        List<AuditEvent> onTopic = Bus.read("gsb.audit", AuditEvent.class, e -> e.getTargetId().equals(id), 3, Duration.ofSeconds(30));
        assertThat(onTopic).extracting(AuditEvent::getAction).containsExactly("service.register", "service.update", "service.retire");
        assertThat(onTopic.get(0).getClientIp()).isEqualTo("203.0.113.9");
        assertThat(onTopic.get(0).getActor()).isEqualTo("admin");
        assertThat(onTopic.get(0).getAfter()).contains("\"name\":\"" + name + "\"");
    }

    @Test
    void shouldRecordARefusedAttempt() {
        String id = Bus.registerEvent("utilities", Bus.unique("twice"));
        Bus.as("admin").body(Bus.service("utilities", id.substring("utilities.".length()), "EVENT")).post("/api/services")
                .then().statusCode(409);
        Bus.as("auditor").queryParam("targetId", id).queryParam("action", "service.register").get("/api/audit").then()
                .body("items.outcome", contains(AuditOutcome.REFUSED.name(), AuditOutcome.SUCCESS.name()))
                .body("items[0].reason", equalTo("exists already"));
    }

    @Test
    void shouldPageNewestFirstAndFilterByActor() {
        String id = Bus.registerEvent("tax", Bus.unique("paged"));
        Bus.as("admin").body(UPDATE).put("/api/services/" + id).then().statusCode(200);
        Bus.as("admin").body(Map.of("partitions", 2, "retentionMs", 1L, "description", "again", "owner", Map.of("name", "T")))
                .put("/api/services/" + id).then().statusCode(200);

        Bus.as("auditor").queryParam("targetId", id).queryParam("size", 1).get("/api/audit").then()
                .body("items[0].after.description", equalTo("again")).body("hasMore", equalTo(true));
        Bus.as("auditor").queryParam("targetId", id).queryParam("size", 1).queryParam("page", 2).get("/api/audit").then()
                .body("items[0].action", equalTo("service.register")).body("hasMore", equalTo(false));
        Bus.as("auditor").queryParam("targetId", id).queryParam("actor", "auditor").get("/api/audit").then()
                .body("items.size()", equalTo(0));
    }
}
